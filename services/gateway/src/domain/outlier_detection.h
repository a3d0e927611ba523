#pragma once

#include <cstdint>

namespace gateway {

// Passive health: an instance that fails `consecutive_failures` requests in a
// row (connection refused or reset, timeout, 502/503/504) is taken out of
// rotation for `ejection_nanos`, longer each time it is ejected again, and
// put back afterwards on probation.
struct OutlierPolicy {
  int consecutive_failures = 3;
  std::int64_t ejection_nanos = 5'000'000'000;
  std::int64_t longest_ejection_nanos = 60'000'000'000;
  // Never eject more than this share of an upstream's instances: a wave of
  // failures across all of them is the upstream's problem (the breaker's),
  // not one instance's.
  double max_ejected_share = 0.5;
};

struct OutlierState {
  int consecutive_failures = 0;
  int ejections = 0;  // in a row; a success after return resets it
  std::int64_t ejected_until = 0;

  bool ejected(std::int64_t now) const { return now < ejected_until; }
};

// The state after one request's outcome. `may_eject` is false when the
// upstream already has its share of instances ejected.
OutlierState after_outcome(OutlierState state, bool success, std::int64_t now,
                           const OutlierPolicy& policy, bool may_eject);

}  // namespace gateway
