#include "domain/throttle.h"

#include <algorithm>

namespace auth {

bool is_blocked(const ThrottleState& state, std::int64_t now) { return now < state.blocked_until; }

ThrottleState after_failure(const ThrottleState& state, const ThrottlePolicy& policy,
                            std::int64_t now) {
  ThrottleState next = state;
  if (now - state.window_started_at >= policy.window_millis && !is_blocked(state, now)) {
    next.failures = 0;
    next.window_started_at = now;
  }
  ++next.failures;
  const int excess = next.failures - policy.allowed_failures;
  if (excess >= 0) {
    const auto doubling = std::min(excess, 20);
    const auto block = std::min(policy.first_block_millis << doubling, policy.longest_block_millis);
    next.blocked_until = now + block;
    // Keep counting in the same window while the subject keeps failing.
    next.window_started_at = now;
  }
  return next;
}

}  // namespace auth
