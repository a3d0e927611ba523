#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <chrono>
#include <memory>
#include <unordered_map>
#include <vector>

#include "proxy/io.h"
#include "proxy/upstream.h"

namespace gateway {

// A connection to an upstream instance, with the read buffer that must
// outlive one response (bytes past it belong to the next).
struct UpstreamConnection {
  UpstreamConnection(boost::asio::io_context& io, std::shared_ptr<Instance> to)
      : socket(io.get_executor()), instance(std::move(to)) {}

  Socket socket;
  boost::beast::flat_buffer buffer;
  std::shared_ptr<Instance> instance;
  bool reused = false;          // served a request before: the server may have closed it meanwhile
  std::int64_t idle_since = 0;  // coarse nanoseconds
};

// Kept-alive upstream connections of one I/O thread, per instance. Each I/O
// thread has its own io_context and its own pool, so a connection is only
// ever touched by one thread: no locks, no strands.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::chrono::milliseconds max_idle_time = std::chrono::seconds(30))
      : max_idle_nanos_(std::chrono::nanoseconds(max_idle_time).count()) {}

  // A pooled connection to `instance`, or null.
  std::unique_ptr<UpstreamConnection> take(const Instance& instance);
  // Keeps `connection` for the next request unless the pool is full.
  void give_back(std::unique_ptr<UpstreamConnection> connection, std::size_t max_idle);
  void clear() { idle_.clear(); }

 private:
  std::int64_t max_idle_nanos_;
  std::unordered_map<const Instance*, std::vector<std::unique_ptr<UpstreamConnection>>> idle_;
};

}  // namespace gateway
