#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/token_bucket.h"
#include "platform/string_hash.h"

namespace gateway {

struct RateLimit {
  double rate = 50;    // requests per second, sustained
  double burst = 100;  // requests at once
};

// Token buckets per key (a client address, a user id). Thread-safe, sharded
// so that the I/O threads rarely meet on a lock; full buckets are swept away,
// so memory follows the number of recently active keys.
class RateLimiter {
 public:
  explicit RateLimiter(RateLimit limit, std::size_t shards = 16);

  // nullopt: allowed. Otherwise the nanoseconds to wait (for Retry-After).
  std::optional<std::int64_t> admit(std::string_view key, std::int64_t now);
  // Forgets keys whose buckets have refilled; returns how many remain.
  std::size_t sweep(std::int64_t now);

 private:
  struct Shard {
    std::mutex mutex;
    platform::StringMap<TokenBucket> buckets;
  };
  Shard& shard_of(std::string_view key);

  RateLimit limit_;
  std::vector<Shard> shards_;
};

}  // namespace gateway
