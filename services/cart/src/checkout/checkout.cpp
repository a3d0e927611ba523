#include "checkout/checkout.h"

#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/fault_injection.h"
#include "platform/ids.h"
#include "platform/log.h"

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

[[noreturn]] void key_in_use() {
  throw platform::conflict("idempotency-key-in-use",
                           "a checkout with this Idempotency-Key is still running");
}

}  // namespace

bool order_failed(const boost::json::object& order) {
  const auto* status = order.if_contains("status");
  return status && status->is_string() && status->get_string() == "cancelled";
}

bool order_processing(const boost::json::object& order) { return order.contains("processing"); }

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
  auto held = claim("checkout:" + digest, keyed.request_hash);
  if (held.record.state == CheckoutRecord::State::placed) {
    auto order = orders_.find(held.record.order_id);
    settle(customer_id, held, order);
    return {std::move(order), true};
  }
  platform::fault::point("cart.checkout.after_claim");
  if (held.record.draft.empty()) prepare(customer_id, input, held);
  platform::fault::point("cart.checkout.after_prepare");

  PlacementAnswer answer;
  try {
    answer = orders_.place("cart-checkout-" + digest, held.record.draft);
  } catch (const platform::Error& error) {
    // Refused: nothing was placed, the customer may correct and retry. Not
    // answered, or another request of this key is placing it right now:
    // the order may exist; the key stays claimed until its lease ends, and
    // a retry then sends the same draft to learn what became of it.
    const bool in_doubt = error.kind() == platform::ErrorKind::unavailable ||
                          error.code() == "idempotency-key-in-use";
    if (!in_doubt) forget(held);
    throw;
  }
  platform::fault::point("cart.checkout.after_place");
  held.record.state = CheckoutRecord::State::placed;
  held.record.order_id = boost::json::value_to<std::string>(answer.order.at("id"));
  held.record.claimed_until = 0;
  // The order is recorded before anything follows from it. When a retry
  // took the key over meanwhile, it reaches this same order and settles it.
  if (write(held)) {
    platform::fault::point("cart.checkout.after_record");
    settle(customer_id, held, answer.order);
  }
  return {std::move(answer.order), answer.replayed};
}

Checkout::Held Checkout::claim(const std::string& key, const std::string& request_hash) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const auto entry = store_.get(key);
    Held held{key, {}, entry ? entry->version : 0};
    held.record.request_hash = request_hash;
    if (entry) {
      auto stored = decode_record(entry->value);
      if (stored.state != CheckoutRecord::State::forgotten) {
        if (stored.request_hash != request_hash) {
          throw platform::unprocessable("idempotency-key-reused",
                                        "this Idempotency-Key was sent before with another request",
                                        "Idempotency-Key");
        }
        if (stored.state == CheckoutRecord::State::placed)
          return {key, std::move(stored), held.version};
        if (stored.claimed_until > platform::now_unix_millis()) key_in_use();
        held.record = std::move(stored);  // taken over: its draft and coupon use go on
      }
    }
    held.record.state = CheckoutRecord::State::placing;
    held.record.claimed_until = platform::now_unix_millis() + settings_.claim.count();
    if (write(held)) return held;
  }
  key_in_use();
}

void Checkout::prepare(const std::string& customer_id, const CheckoutInput& input, Held& held) {
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
  } catch (const platform::Error&) {
    forget(held);
    throw;
  }
  if (!write(held)) {
    // Only a request that found this one's lease over writes here: it
    // carries on with the key, and this one steps back with what it took.
    if (!record.coupon_taken.empty()) usage_.give_back(record.coupon_taken);
    key_in_use();
  }
}

bool Checkout::write(Held& held) {
  const auto version =
      store_.put_if_version(held.key, encode_record(held.record), held.version, settings_.keep);
  if (!version) return false;
  held.version = *version;
  return true;
}

void Checkout::forget(Held& held) {
  const auto coupon = held.record.coupon_taken;
  held.record = CheckoutRecord{};
  held.record.state = CheckoutRecord::State::forgotten;
  // A request that took the key over meanwhile keeps it, and the coupon use.
  if (write(held) && !coupon.empty()) usage_.give_back(coupon);
}

void Checkout::settle(const std::string& customer_id, Held& held,
                      const boost::json::object& order) {
  // Not known yet: a replay of the key settles it once the order is.
  if (order_processing(order)) return;
  auto& record = held.record;
  const bool failed = order_failed(order);
  const bool return_coupon = failed && !record.coupon_taken.empty();
  const bool clear_cart = !failed && !record.cart_cleared;
  if (!return_coupon && !clear_cart) return;
  const auto coupon = record.coupon_taken;
  if (return_coupon) record.coupon_taken.clear();
  if (clear_cart) record.cart_cleared = true;
  // Recorded before done, by the one request whose write lands: a crash in
  // between can lose a coupon use or leave the ordered lines in the cart,
  // never give a use back twice or take the lines out twice. The order
  // stands either way, so a failure here is logged, not answered.
  try {
    if (!write(held)) return;
    platform::fault::point("cart.checkout.after_settle_record");
    if (return_coupon) usage_.give_back(coupon);
    if (clear_cart) {
      const auto ordered = ordered_quantities(order);
      carts_.update(CartOwner::customer(customer_id), [&](Cart& cart) {
        if (cart.lines.empty()) return false;
        remove_ordered(cart, ordered, platform::now_unix_millis());
        return true;
      });
    }
  } catch (const platform::Error& error) {
    platform::log::warn("checkout settled only in part",
                        {{"order", record.order_id}, {"error", error.what()}});
  }
}

}  // namespace cart
