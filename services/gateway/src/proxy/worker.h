#pragma once

#include <atomic>
#include <list>
#include <thread>

#include "proxy/connection_pool.h"
#include "proxy/gateway_state.h"
#include "proxy/io.h"

namespace gateway {

// One I/O thread of the gateway: its own io_context, its own listening socket
// on the shared port (SO_REUSEPORT: the kernel spreads connections across
// threads) and its own upstream connection pool. Nothing it owns is touched
// by another thread.
class Worker {
 public:
  explicit Worker(GatewayState& state);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Binds to `endpoint` (port 0: any; the first worker's port is then reused
  // by the others) and returns the bound port.
  unsigned short listen(const boost::asio::ip::tcp::endpoint& endpoint);
  void start();
  // Stops accepting and closes the connections waiting for a request; the
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
  Task<void> accept_loop();
  Task<void> sweep_deadlines();

  GatewayState& state_;
  boost::asio::io_context io_{1};
  Acceptor acceptor_{io_.get_executor()};
  ConnectionPool pool_;
  Clients clients_;
  std::atomic<std::size_t> open_clients_{0};
  std::thread thread_;
};

}  // namespace gateway
