#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "domain/cart.h"
#include "platform/kv/key_value_store.h"

namespace cart {

// Whose cart: a signed-in customer's (by user id) or a guest's (by the
// digest of the cart token they hold, so the store never keeps the secret).
struct CartOwner {
  enum class Kind { customer, guest };
  Kind kind = Kind::guest;
  std::string id;

  static CartOwner customer(std::string user_id) { return {Kind::customer, std::move(user_id)}; }
  // From the token a guest presents.
  static CartOwner guest(std::string_view cart_token);
  bool is_customer() const noexcept { return kind == Kind::customer; }
};

struct StoredCart {
  Cart cart;
  std::int64_t version = 0;  // 0: nothing stored yet
};

struct CartLifetimes {
  // Carts left alone this long are forgotten.
  std::chrono::milliseconds guest{std::chrono::hours(24 * 7)};
  std::chrono::milliseconds customer{std::chrono::hours(24 * 30)};
};

// Carts in the key-value store (Redis in distributed mode), one JSON value
// per cart, expiring after a lifetime of inactivity and changed with
// optimistic concurrency: two requests changing one cart at once both land,
// one after the other.
class CartStore {
 public:
  CartStore(platform::kv::KeyValueStore& store, CartLifetimes lifetimes = {});

  // An empty cart (version 0) when none is stored. Reading counts as
  // activity: the cart's lifetime starts again.
  StoredCart load(const CartOwner& owner);

  // Reads, changes and writes the cart until no other writer came between
  // (a few attempts), and returns what was written. `change` may throw to
  // leave the cart as it is, and runs again on each attempt; returning
  // false means there was nothing to write. Throws Error(conflict,
  // "cart-busy") when writers keep coming between.
  // `read_before` is the cart as the caller just read it (read()), to save
  // the first attempt a round trip to the store.
  StoredCart update(const CartOwner& owner, const std::function<bool(Cart&)>& change,
                    std::optional<StoredCart> read_before = std::nullopt);

  // The stored cart, without counting as activity (a write follows).
  StoredCart read(const CartOwner& owner);

  // Writes `cart` if the stored version is still `expected`; false when
  // another writer came first.
  bool save_if_version(const CartOwner& owner, const Cart& cart, std::int64_t expected);

  // Empties the cart and returns what it held. An empty cart is written
  // rather than the key removed, so that versions keep rising: a request
  // still holding an older version cannot bring the lines back.
  Cart clear(const CartOwner& owner);

 private:
  std::string key_of(const CartOwner& owner) const;
  std::chrono::milliseconds lifetime_of(const CartOwner& owner) const;

  platform::kv::KeyValueStore& store_;
  CartLifetimes lifetimes_;
};

// The stored form of a cart (a JSON document with a format version).
std::string encode_cart(const Cart& cart);
// Throws Error(internal) for a value this code did not write.
Cart decode_cart(std::string_view stored);

}  // namespace cart
