#include "checkout/checkout.h"

#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/ids.h"

namespace cart {

namespace {

constexpr int kAttempts = 8;

std::vector<OrderedQuantity> ordered_quantities(const boost::json::object& order) {
  std::vector<OrderedQuantity> ordered;
  for (const auto& line : order.at("lines").as_array()) {
    ordered.push_back({boost::json::value_to<std::string>(line.at("product_id")),
                       line.at("quantity").to_number<int>()});
  }
  return ordered;
}

}  // namespace

bool order_failed(const boost::json::object& order) {
  const auto* status = order.if_contains("status");
  return status && status->is_string() && status->get_string() == "cancelled";
}

Checkout::Checkout(platform::kv::KeyValueStore& store, CartStore& carts, CartPricing& pricing,
                   CouponUsage& usage, OrdersClient& orders, CheckoutSettings settings)
    : store_(store),
      carts_(carts),
      pricing_(pricing),
      usage_(usage),
      orders_(orders),
      settings_(settings) {}

CheckoutResult Checkout::run(const std::string& customer_id,
                             const platform::http::KeyedRequest& keyed,
                             const CheckoutInput& input) {
  // One customer's keys never meet another's, and the orders service sees
  // a key of this service's making (it keys placements by client).
  const auto digest =
      platform::hex_encode(platform::crypto::sha256(customer_id + "\n" + keyed.key));
  const auto key = "checkout:" + digest;
  auto held = claim(key, keyed.request_hash);
  if (held.record.state == CheckoutRecord::State::placed) {
    auto order = orders_.find(held.record.order_id);
    return finish(key, customer_id, std::move(held.record), true, std::move(order), true);
  }
  if (held.record.draft.empty()) prepare(key, customer_id, input, held);

  PlacementAnswer answer;
  try {
    answer = orders_.place("cart-checkout-" + digest, held.record.draft);
  } catch (const platform::Error& error) {
    // Refused: nothing was placed, the customer may correct and retry. Not
    // answered: the order may exist; the key stays claimed until its lease
    // ends, and a retry then sends the same draft to learn what became of it.
    if (error.kind() != platform::ErrorKind::unavailable) forget(key, held.record);
    throw;
  }
  auto& record = held.record;
  record.state = CheckoutRecord::State::placed;
  record.order_id = boost::json::value_to<std::string>(answer.order.at("id"));
  record.claimed_until = 0;
  return finish(key, customer_id, std::move(record), false, std::move(answer.order),
                answer.replayed);
}

Checkout::Held Checkout::claim(const std::string& key, const std::string& request_hash) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const auto entry = store_.get(key);
    Held held;
    held.record.request_hash = request_hash;
    if (entry) {
      held.record = decode_record(entry->value);
      if (held.record.request_hash != request_hash) {
        throw platform::unprocessable("idempotency-key-reused",
                                      "this Idempotency-Key was sent before with another request",
                                      "Idempotency-Key");
      }
      if (held.record.state == CheckoutRecord::State::placed) {
        held.version = entry->version;
        return held;
      }
      if (held.record.claimed_until > platform::now_unix_millis()) {
        throw platform::conflict("idempotency-key-in-use",
                                 "a checkout with this Idempotency-Key is still running");
      }
    }
    held.record.state = CheckoutRecord::State::placing;
    held.record.claimed_until = platform::now_unix_millis() + settings_.claim.count();
    const auto version = store_.put_if_version(key, encode_record(held.record),
                                               entry ? entry->version : 0, settings_.keep);
    if (version) {
      held.version = *version;
      return held;
    }
  }
  throw platform::conflict("idempotency-key-in-use",
                           "a checkout with this Idempotency-Key is still running");
}

void Checkout::prepare(const std::string& key, const std::string& customer_id,
                       const CheckoutInput& input, Held& held) {
  auto& record = held.record;
  try {
    QuoteInput quote_input{
        {input.address.country, input.address.region}, input.speed, input.coupon};
    const auto priced =
        pricing_.quote(CartOwner::customer(customer_id), quote_input, platform::now_unix_millis());
    if (priced.coupon) {
      usage_.take(*priced.coupon);
      record.coupon_taken = priced.coupon->code;
    }
    record.draft = order_draft_json(customer_id, input, priced);
    const auto version =
        store_.put_if_version(key, encode_record(record), held.version, settings_.keep);
    if (!version) {
      // Only a request that found this one's lease over writes here: it
      // carries on with the key, and this one steps back.
      if (!record.coupon_taken.empty()) usage_.give_back(record.coupon_taken);
      throw platform::conflict("idempotency-key-in-use",
                               "a checkout with this Idempotency-Key took too long and was "
                               "taken over by a retry");
    }
    held.version = *version;
  } catch (const platform::Error& error) {
    if (error.code() != "idempotency-key-in-use") forget(key, record);
    throw;
  }
}

void Checkout::forget(const std::string& key, const CheckoutRecord& record) {
  if (!record.coupon_taken.empty()) usage_.give_back(record.coupon_taken);
  store_.remove(key);
}

std::int64_t Checkout::write(const std::string& key, const CheckoutRecord& record) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const auto entry = store_.get(key);
    if (const auto version = store_.put_if_version(key, encode_record(record),
                                                   entry ? entry->version : 0, settings_.keep)) {
      return *version;
    }
  }
  throw platform::unavailable("checkout-busy", "the checkout record kept changing; try again");
}

CheckoutResult Checkout::finish(const std::string& key, const std::string& customer_id,
                                CheckoutRecord record, bool stored, boost::json::object order,
                                bool replayed) {
  const bool failed = order_failed(order);
  // A failed order gives its coupon use back, after the record says so: a
  // crash in between loses a use (the limit still holds), never adds one.
  std::string give_back;
  if (failed && !record.coupon_taken.empty()) std::swap(give_back, record.coupon_taken);
  // The order is remembered before the cart changes: a crash in between
  // leaves a cart to clear on the retry, never a second order.
  if (!stored || !give_back.empty()) write(key, record);
  if (!give_back.empty()) usage_.give_back(give_back);
  if (!failed && !record.cart_cleared) {
    const auto ordered = ordered_quantities(order);
    carts_.update(CartOwner::customer(customer_id), [&](Cart& cart) {
      if (cart.lines.empty()) return false;
      remove_ordered(cart, ordered, platform::now_unix_millis());
      return true;
    });
    record.cart_cleared = true;
    write(key, record);
  }
  return {std::move(order), replayed};
}

}  // namespace cart
