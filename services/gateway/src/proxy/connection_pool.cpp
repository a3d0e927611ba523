#include "proxy/connection_pool.h"

namespace gateway {

std::unique_ptr<UpstreamConnection> ConnectionPool::take(const Instance& instance) {
  const auto found = idle_.find(&instance);
  if (found == idle_.end()) return nullptr;
  auto& idle = found->second;
  const auto oldest_usable = coarse_nanos() - max_idle_nanos_;
  while (!idle.empty()) {
    auto connection = std::move(idle.back());
    idle.pop_back();
    // The newest is the likeliest still open; an instance that left
    // discovery gets no more requests.
    if (!instance.removed && connection->idle_since >= oldest_usable) {
      connection->reused = true;
      return connection;
    }
  }
  idle_.erase(found);
  return nullptr;
}

void ConnectionPool::give_back(std::unique_ptr<UpstreamConnection> connection,
                               std::size_t max_idle) {
  if (connection->instance->removed) return;
  auto& idle = idle_[connection->instance.get()];
  if (idle.size() >= max_idle) return;
  connection->idle_since = coarse_nanos();
  idle.push_back(std::move(connection));
}

}  // namespace gateway
