#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cart {

// What the cart service remembers of one checkout (a customer's
// Idempotency-Key): who works on it, the exact order body it sends, and the
// order it got. With the body kept, a retry after a crash sends the very
// same order, even if prices moved since, so the orders service recognises
// it; with the order id kept, a retry after success answers that order.
struct CheckoutRecord {
  // forgotten: the checkout was refused and the key may be used again; a
  // record rather than a deletion, so that versions keep rising and a late
  // writer holding an old version cannot bring the checkout back.
  enum class State { placing, placed, forgotten };
  State state = State::placing;
  std::string request_hash;        // of the customer's request, to tell a retry from a reuse
  std::int64_t claimed_until = 0;  // while placing: the worker's lease (Unix ms)
  std::string draft;               // the order body, once priced
  std::string coupon_taken;        // a coupon use taken for this checkout
  std::string order_id;            // once placed
  bool cart_cleared = false;       // the ordered lines have left the cart
};

std::string encode_record(const CheckoutRecord& record);
// Throws Error(internal) for a value this code did not write.
CheckoutRecord decode_record(std::string_view stored);

}  // namespace cart
