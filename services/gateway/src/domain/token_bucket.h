#pragma once

#include <cstdint>

namespace gateway {

// A token bucket: `burst` tokens at most, refilled at `rate` per second. A
// request takes one token or is refused. Times are steady-clock nanoseconds
// passed in by the caller, so the arithmetic is testable without waiting.
class TokenBucket {
 public:
  TokenBucket(double rate, double burst, std::int64_t now);

  // Takes a token if there is one.
  bool try_take(std::int64_t now);
  // Nanoseconds until a token will be there (0 if one is).
  std::int64_t wait_for_token(std::int64_t now);
  // Whether the bucket is full again: it can be forgotten without changing
  // anybody's allowance.
  bool is_full(std::int64_t now) const;

 private:
  void refill(std::int64_t now);

  double rate_;
  double burst_;
  double tokens_;
  std::int64_t updated_;
};

}  // namespace gateway
