#include "domain/token_bucket.h"

#include <algorithm>
#include <cmath>

namespace gateway {
namespace {

constexpr double kNanosPerSecond = 1e9;

}  // namespace

TokenBucket::TokenBucket(double rate, double burst, std::int64_t now)
    : rate_(rate), burst_(burst), tokens_(burst), updated_(now) {}

void TokenBucket::refill(std::int64_t now) {
  if (now <= updated_) return;
  tokens_ =
      std::min(burst_, tokens_ + static_cast<double>(now - updated_) / kNanosPerSecond * rate_);
  updated_ = now;
}

bool TokenBucket::try_take(std::int64_t now) {
  refill(now);
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

std::int64_t TokenBucket::wait_for_token(std::int64_t now) {
  refill(now);
  if (tokens_ >= 1.0 || rate_ <= 0) return 0;
  return static_cast<std::int64_t>(std::ceil((1.0 - tokens_) / rate_ * kNanosPerSecond));
}

bool TokenBucket::is_full(std::int64_t now) const {
  const auto elapsed = static_cast<double>(std::max<std::int64_t>(now - updated_, 0));
  return tokens_ + elapsed / kNanosPerSecond * rate_ >= burst_;
}

}  // namespace gateway
