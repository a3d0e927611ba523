#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "platform/metrics.h"

namespace platform {

// Finished response bodies kept in memory for read-heavy GETs. Every write the
// service commits calls invalidate(), which makes every entry stale at once:
// within one process a reader never sees data older than its own last write.
// Other replicas' writes are invisible to it, so entries also expire after
// `ttl`: the bound on staleness across replicas (docs/adr/0003).
//
//   const auto generation = cache.generation();   // before reading the database
//   ... read, build the body ...
//   cache.store(key, generation, body, etag);      // dropped if a write came between
class ResponseCache {
 public:
  struct Entry {
    std::string body;
    std::string etag;
    std::uint64_t generation = 0;
    std::chrono::steady_clock::time_point expires;
  };

  // ttl 0 disables the cache; max_bytes bounds the memory held by bodies.
  // With `lookups`, find() counts {result="hit"|"miss"}.
  ResponseCache(std::chrono::milliseconds ttl, std::size_t max_bytes,
                metrics::Family<metrics::Counter>* lookups = nullptr);

  bool enabled() const noexcept { return ttl_.count() > 0; }
  std::uint64_t generation() const noexcept { return generation_.load(std::memory_order_acquire); }
  std::shared_ptr<const Entry> find(const std::string& key) const;
  void store(const std::string& key, std::uint64_t generation, std::string body,
             std::string etag = {});
  void invalidate() noexcept { generation_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  std::chrono::milliseconds ttl_;
  std::size_t max_bytes_;
  metrics::Counter* hits_ = nullptr;
  metrics::Counter* misses_ = nullptr;
  std::atomic<std::uint64_t> generation_{1};
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
  std::size_t bytes_ = 0;
};

}  // namespace platform
