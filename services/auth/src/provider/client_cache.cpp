#include "provider/client_cache.h"

namespace auth {

namespace {
// Unknown ids are remembered too (a flood of made-up client ids must not
// reach the database), but the table is capped.
constexpr std::size_t kMaximumEntries = 10'000;
}  // namespace

ClientCache::ClientCache(AuthStore& store, std::chrono::milliseconds time_to_live)
    : store_(store), time_to_live_(time_to_live) {}

std::optional<RegisteredClient> ClientCache::find(const std::string& id) {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    if (const auto found = entries_.find(id);
        found != entries_.end() && now - found->second.fetched < time_to_live_) {
      return found->second.client;
    }
  }
  auto client = store_.find_client(id);
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaximumEntries) entries_.clear();
  entries_[id] = {client, now};
  return client;
}

void ClientCache::forget(const std::string& id) {
  std::lock_guard lock(mutex_);
  entries_.erase(id);
}

}  // namespace auth
