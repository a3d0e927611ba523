#include "platform/response_cache.h"

namespace platform {

ResponseCache::ResponseCache(std::chrono::milliseconds ttl, std::size_t max_bytes,
                             metrics::Family<metrics::Counter>* lookups)
    : ttl_(ttl), max_bytes_(max_bytes) {
  if (lookups != nullptr) {
    hits_ = &lookups->with({"hit"});
    misses_ = &lookups->with({"miss"});
  }
}

std::shared_ptr<const ResponseCache::Entry> ResponseCache::find(const std::string& key) const {
  if (!enabled()) return nullptr;
  const auto entry = [&]() -> std::shared_ptr<const Entry> {
    std::shared_lock lock(mutex_);
    const auto found = entries_.find(key);
    if (found == entries_.end()) return nullptr;
    const auto& kept = found->second;
    if (kept->generation != generation() || kept->expires <= std::chrono::steady_clock::now())
      return nullptr;
    return kept;
  }();
  if (auto* counter = entry ? hits_ : misses_; counter != nullptr) counter->increment();
  return entry;
}

void ResponseCache::store(const std::string& key, std::uint64_t generation_read, std::string body,
                          std::string etag) {
  if (!enabled() || generation_read != generation()) return;
  auto entry = std::make_shared<Entry>(Entry{std::move(body), std::move(etag), generation_read,
                                             std::chrono::steady_clock::now() + ttl_});
  const auto size = key.size() + entry->body.size() + entry->etag.size();
  std::unique_lock lock(mutex_);
  // A write may have landed while we waited for the lock.
  if (generation_read != generation()) return;
  if (bytes_ + size > max_bytes_) {
    // Dropping everything is crude but bounded and cheap; entries come back
    // on the next reads, and stale ones would be dropped anyway.
    entries_.clear();
    bytes_ = 0;
  }
  auto [position, inserted] = entries_.try_emplace(key, entry);
  if (!inserted) {
    bytes_ -= key.size() + position->second->body.size() + position->second->etag.size();
    position->second = entry;
  }
  bytes_ += size;
}

}  // namespace platform
