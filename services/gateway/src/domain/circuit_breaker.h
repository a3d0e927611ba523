#pragma once

#include <cstdint>
#include <string_view>

namespace gateway {

struct BreakerPolicy {
  // Opens when, over the last window, at least `minimum_requests` were made
  // and at least `failure_ratio` of them failed.
  double failure_ratio = 0.5;
  int minimum_requests = 20;
  std::int64_t window_nanos = 10'000'000'000;
  // Stays open this long, then lets `probes` requests through (half-open):
  // all succeed and it closes, one fails and it opens again.
  std::int64_t open_nanos = 5'000'000'000;
  int probes = 3;
};

// A circuit breaker for one upstream: when it keeps failing, callers get an
// immediate 503 instead of piling onto it, and it gets room to recover.
// Not thread-safe; the caller serialises (the upstream's lock). Times are
// steady-clock nanoseconds.
class CircuitBreaker {
 public:
  enum class State { closed, open, half_open };

  explicit CircuitBreaker(BreakerPolicy policy = {});

  // Whether a request may go to the upstream now; in half-open, each `true`
  // uses one probe.
  bool allow(std::int64_t now);
  void record(bool success, std::int64_t now);
  State state() const noexcept { return state_; }

 private:
  void roll_window(std::int64_t now);
  void open(std::int64_t now);

  BreakerPolicy policy_;
  State state_ = State::closed;
  std::int64_t window_started_ = 0;
  int requests_ = 0;
  int failures_ = 0;
  std::int64_t opened_at_ = 0;
  int probes_sent_ = 0;
  int probes_succeeded_ = 0;
};

std::string_view to_string(CircuitBreaker::State state);

}  // namespace gateway
