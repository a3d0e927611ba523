#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <list>
#include <thread>

#include "proxy/connection_pool.h"
#include "proxy/gateway_state.h"

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

  // The client connections of this thread, for draining.
  struct Client {
    explicit Client(boost::asio::ip::tcp::socket socket) : stream(std::move(socket)) {}
    boost::beast::tcp_stream stream;
    bool idle = true;  // waiting for the next request
  };
  using Clients = std::list<Client>;

 private:
  boost::asio::awaitable<void> accept_loop();

  GatewayState& state_;
  boost::asio::io_context io_{1};
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  ConnectionPool pool_;
  Clients clients_;
  std::atomic<std::size_t> open_clients_{0};
  std::thread thread_;
};

}  // namespace gateway
