#pragma once

#include <string>
#include <string_view>

#include "domain/promotions.h"
#include "platform/kv/key_value_store.h"

namespace cart {

// How often each coupon has been used, in the key-value store. A checkout
// takes a use before it places its order and gives it back when the order
// failed, so that simultaneous checkouts never use a limited coupon more
// often than its limit allows.
class CouponUsage {
 public:
  explicit CouponUsage(platform::kv::KeyValueStore& store) : store_(store) {}

  int times_used(std::string_view code);
  // Takes one use of `coupon`. Throws Error(unprocessable, "coupon-used-up")
  // when its limit is reached.
  void take(const Coupon& coupon);
  // Gives back a use taken for a checkout that failed.
  void give_back(std::string_view code);

 private:
  // Adds `delta` to the count, refusing to pass `limit` (0: none); returns
  // false when it would.
  bool add(std::string_view code, int delta, int limit);

  platform::kv::KeyValueStore& store_;
};

}  // namespace cart
