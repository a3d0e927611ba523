#include "domain/circuit_breaker.h"

namespace gateway {

CircuitBreaker::CircuitBreaker(BreakerPolicy policy) : policy_(policy) {}

void CircuitBreaker::roll_window(std::int64_t now) {
  if (now - window_started_ >= policy_.window_nanos) {
    window_started_ = now;
    requests_ = 0;
    failures_ = 0;
  }
}

void CircuitBreaker::open(std::int64_t now) {
  state_ = State::open;
  opened_at_ = now;
  probes_sent_ = 0;
  probes_succeeded_ = 0;
}

bool CircuitBreaker::allow(std::int64_t now) {
  if (state_ == State::open) {
    if (now - opened_at_ < policy_.open_nanos) return false;
    state_ = State::half_open;
  }
  if (state_ == State::half_open) {
    if (probes_sent_ >= policy_.probes) return false;
    ++probes_sent_;
  }
  return true;
}

void CircuitBreaker::record(bool success, std::int64_t now) {
  if (state_ == State::half_open) {
    if (!success) {
      open(now);
    } else if (++probes_succeeded_ >= policy_.probes) {
      state_ = State::closed;
      window_started_ = now;
      requests_ = 0;
      failures_ = 0;
    }
    return;
  }
  if (state_ == State::open) return;  // a late answer from before it opened
  roll_window(now);
  ++requests_;
  if (!success) ++failures_;
  if (requests_ >= policy_.minimum_requests &&
      failures_ >= policy_.failure_ratio * static_cast<double>(requests_)) {
    open(now);
  }
}

std::string_view to_string(CircuitBreaker::State state) {
  switch (state) {
    case CircuitBreaker::State::closed:
      return "closed";
    case CircuitBreaker::State::open:
      return "open";
    case CircuitBreaker::State::half_open:
      return "half_open";
  }
  return "closed";
}

}  // namespace gateway
