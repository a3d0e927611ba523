#include "domain/outlier_detection.h"

#include <algorithm>

namespace gateway {

OutlierState after_outcome(OutlierState state, bool success, std::int64_t now,
                           const OutlierPolicy& policy, bool may_eject) {
  if (success) {
    state.consecutive_failures = 0;
    if (!state.ejected(now)) state.ejections = 0;
    return state;
  }
  ++state.consecutive_failures;
  if (state.consecutive_failures >= policy.consecutive_failures && may_eject &&
      !state.ejected(now)) {
    const int doubling = std::min(state.ejections, 16);
    state.ejected_until =
        now + std::min(policy.ejection_nanos << doubling, policy.longest_ejection_nanos);
    ++state.ejections;
    state.consecutive_failures = 0;
  }
  return state;
}

}  // namespace gateway
