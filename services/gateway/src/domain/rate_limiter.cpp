#include "domain/rate_limiter.h"

#include <functional>

namespace gateway {

RateLimiter::RateLimiter(RateLimit limit, std::size_t shards) : limit_(limit), shards_(shards) {}

RateLimiter::Shard& RateLimiter::shard_of(std::string_view key) {
  return shards_[std::hash<std::string_view>{}(key) % shards_.size()];
}

std::optional<std::int64_t> RateLimiter::admit(std::string_view key, std::int64_t now) {
  auto& shard = shard_of(key);
  std::lock_guard lock(shard.mutex);
  auto found = shard.buckets.find(key);
  if (found == shard.buckets.end()) {
    found =
        shard.buckets.emplace(std::string(key), TokenBucket(limit_.rate, limit_.burst, now)).first;
  }
  if (found->second.try_take(now)) return std::nullopt;
  return found->second.wait_for_token(now);
}

std::size_t RateLimiter::sweep(std::int64_t now) {
  std::size_t remaining = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    std::erase_if(shard.buckets, [now](const auto& entry) { return entry.second.is_full(now); });
    remaining += shard.buckets.size();
  }
  return remaining;
}

}  // namespace gateway
