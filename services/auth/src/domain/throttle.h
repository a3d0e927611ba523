#pragma once

#include <cstdint>

namespace auth {

// Counts failed attempts of one subject (an account, or an address) in a
// sliding window; past the allowance the subject is blocked, for longer each
// time it keeps failing, up to a ceiling. Blocking delays an attacker without
// locking the real owner out for good.
struct ThrottlePolicy {
  int allowed_failures = 5;
  std::int64_t window_millis = 15 * 60 * 1000;
  std::int64_t first_block_millis = 60 * 1000;
  std::int64_t longest_block_millis = 15 * 60 * 1000;
};

struct ThrottleState {
  int failures = 0;
  std::int64_t window_started_at = 0;
  std::int64_t blocked_until = 0;

  friend bool operator==(const ThrottleState&, const ThrottleState&) = default;
};

bool is_blocked(const ThrottleState& state, std::int64_t now);
ThrottleState after_failure(const ThrottleState& state, const ThrottlePolicy& policy,
                            std::int64_t now);

}  // namespace auth
