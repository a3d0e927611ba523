#pragma once

#include <atomic>
#include <list>
#include <thread>

#include "proxy/connection_pool.h"
#include "proxy/gateway_state.h"
#include "proxy/io.h"

namespace gateway {

// One I/O thread of the gateway: its own io_context, the client connections
// the Listener gave it and its own upstream connection pool. Nothing it owns
// is touched by another thread.
class Worker {
 public:
  explicit Worker(GatewayState& state);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  void start();
  // Serves a connection accepted for this worker (any thread may call it).
  void adopt(Socket socket);
  // Closes the connections waiting for a request and refuses new ones; the
  // ones serving a request finish it (with Connection: close).
  void drain();
  std::size_t connections() const;
  void stop();

  GatewayState& state() noexcept { return state_; }
  ConnectionPool& pool() noexcept { return pool_; }
  boost::asio::io_context& io() noexcept { return io_; }

  // A client connection of this thread. Timeouts are deadlines that a
  // sweep checks every few milliseconds, instead of a timer armed and
  // cancelled around every read and write: the session notes which socket
  // it waits on and until when; an expired wait is cancelled.
  struct Client {
    explicit Client(Socket connected) : socket(std::move(connected)) {}
    Socket socket;
    bool idle = true;              // waiting for the next request
    Socket* waiting_on = nullptr;  // the socket of the current operation
    std::int64_t deadline = 0;     // coarse nanoseconds; 0: none
    bool timed_out = false;        // the sweep cancelled the wait
  };
  using Clients = std::list<Client>;

 private:
  void serve(Socket socket);
  Task<void> sweep_deadlines();

  GatewayState& state_;
  boost::asio::io_context io_{1};
  ConnectionPool pool_;
  Clients clients_;
  bool draining_ = false;
  std::atomic<std::size_t> open_clients_{0};
  std::thread thread_;
};

}  // namespace gateway
