#include "store/cart_store.h"

#include <boost/json.hpp>

#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/ids.h"

namespace cart {

namespace {

// Optimistic writes retried this often before the caller hears of it: only
// a burst of simultaneous changes to one cart gets there.
constexpr int kUpdateAttempts = 8;

constexpr std::int64_t kFormat = 1;

boost::json::object encode_line(const CartLine& line) {
  boost::json::object stored{{"product_id", line.product_id},
                             {"sku", line.sku},
                             {"title", line.title},
                             {"unit_price", line.unit_price},
                             {"tax_category", to_string(line.tax_category)},
                             {"weight_grams", line.weight_grams},
                             {"quantity", line.quantity},
                             {"added_at", line.added_at}};
  if (line.previous_unit_price) stored["previous_unit_price"] = *line.previous_unit_price;
  return stored;
}

CartLine decode_line(const boost::json::object& stored) {
  CartLine line;
  line.product_id = boost::json::value_to<std::string>(stored.at("product_id"));
  line.sku = boost::json::value_to<std::string>(stored.at("sku"));
  line.title = boost::json::value_to<std::string>(stored.at("title"));
  line.unit_price = stored.at("unit_price").to_number<std::int64_t>();
  const auto category = parse_tax_category(stored.at("tax_category").as_string());
  if (!category) throw std::invalid_argument("unknown tax category");
  line.tax_category = *category;
  line.weight_grams = stored.at("weight_grams").to_number<int>();
  line.quantity = stored.at("quantity").to_number<int>();
  line.added_at = stored.at("added_at").to_number<std::int64_t>();
  if (const auto* previous = stored.if_contains("previous_unit_price")) {
    line.previous_unit_price = previous->to_number<std::int64_t>();
  }
  return line;
}

}  // namespace

CartOwner CartOwner::guest(std::string_view cart_token) {
  return {Kind::guest, platform::hex_encode(platform::crypto::sha256(cart_token))};
}

std::string encode_cart(const Cart& cart) {
  boost::json::array lines;
  for (const auto& line : cart.lines) lines.push_back(encode_line(line));
  return boost::json::serialize(boost::json::object{{"format", kFormat},
                                                    {"currency", cart.currency},
                                                    {"created_at", cart.created_at},
                                                    {"updated_at", cart.updated_at},
                                                    {"lines", std::move(lines)}});
}

Cart decode_cart(std::string_view stored) {
  try {
    const auto document = boost::json::parse(stored).as_object();
    if (document.at("format").to_number<std::int64_t>() != kFormat) {
      throw std::invalid_argument("unknown format");
    }
    Cart cart;
    cart.currency = boost::json::value_to<std::string>(document.at("currency"));
    cart.created_at = document.at("created_at").to_number<std::int64_t>();
    cart.updated_at = document.at("updated_at").to_number<std::int64_t>();
    for (const auto& line : document.at("lines").as_array()) {
      cart.lines.push_back(decode_line(line.as_object()));
    }
    return cart;
  } catch (const std::exception& error) {
    throw platform::Error(platform::ErrorKind::internal, "cart-unreadable",
                          std::string("a stored cart cannot be read: ") + error.what());
  }
}

CartStore::CartStore(platform::kv::KeyValueStore& store, CartLifetimes lifetimes)
    : store_(store), lifetimes_(lifetimes) {}

std::string CartStore::key_of(const CartOwner& owner) const {
  return (owner.is_customer() ? "cart:customer:" : "cart:guest:") + owner.id;
}

std::chrono::milliseconds CartStore::lifetime_of(const CartOwner& owner) const {
  return owner.is_customer() ? lifetimes_.customer : lifetimes_.guest;
}

StoredCart CartStore::load(const CartOwner& owner) {
  auto stored = read(owner);
  if (stored.version != 0) store_.touch(key_of(owner), lifetime_of(owner));
  return stored;
}

StoredCart CartStore::read(const CartOwner& owner) {
  const auto entry = store_.get(key_of(owner));
  if (!entry) return {};
  return {decode_cart(entry->value), entry->version};
}

StoredCart CartStore::update(const CartOwner& owner, const std::function<bool(Cart&)>& change,
                             std::optional<StoredCart> read_before) {
  const auto key = key_of(owner);
  for (int attempt = 0; attempt < kUpdateAttempts; ++attempt) {
    StoredCart current = attempt == 0 && read_before ? std::move(*read_before) : read(owner);
    if (!change(current.cart)) return current;
    const auto written =
        store_.put_if_version(key, encode_cart(current.cart), current.version, lifetime_of(owner));
    if (written) return {std::move(current.cart), *written};
  }
  throw platform::conflict("cart-busy", "the cart kept changing under this request; try again");
}

bool CartStore::save_if_version(const CartOwner& owner, const Cart& cart, std::int64_t expected) {
  return store_.put_if_version(key_of(owner), encode_cart(cart), expected, lifetime_of(owner))
      .has_value();
}

Cart CartStore::clear(const CartOwner& owner) {
  Cart held;
  update(owner, [&](Cart& cart) {
    held = cart;  // the attempt that writes is the last to run
    if (cart.lines.empty()) return false;
    cart.lines.clear();
    cart.currency.clear();
    cart.updated_at = platform::now_unix_millis();
    return true;
  });
  return held;
}

}  // namespace cart
