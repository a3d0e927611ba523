#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <cstddef>
#include <vector>

#include "proxy/io.h"

namespace gateway {

class Worker;

// The gateway's one listening socket. It runs on the first worker's thread
// and hands each accepted connection to the next worker in turn, so that the
// I/O threads carry equal numbers of connections. (With a socket per thread
// and SO_REUSEPORT the kernel spreads connections by a hash of their
// addresses: with a few dozen kept-alive connections one thread often gets
// far more than the other, and the busier one sets the latency.)
class Listener {
 public:
  explicit Listener(std::vector<Worker*> workers);
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Binds and listens; returns the bound port (useful when asked for 0).
  unsigned short listen(const boost::asio::ip::tcp::endpoint& endpoint);
  void start();
  // Stops accepting (asynchronously, on the accepting thread).
  void close();

 private:
  Task<void> accept_loop();

  std::vector<Worker*> workers_;
  Acceptor acceptor_;
  std::size_t next_ = 0;
};

}  // namespace gateway
