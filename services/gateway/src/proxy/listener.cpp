#include "proxy/listener.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>

#include "platform/log.h"
#include "proxy/worker.h"

namespace gateway {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

Listener::Listener(std::vector<Worker*> workers)
    : workers_(std::move(workers)), acceptor_(workers_.front()->io().get_executor()) {}

unsigned short Listener::listen(const tcp::endpoint& endpoint) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  return acceptor_.local_endpoint().port();
}

void Listener::start() { asio::co_spawn(acceptor_.get_executor(), accept_loop(), asio::detached); }

void Listener::close() {
  // The acceptor belongs to the first worker's thread. A connection accepted
  // meanwhile reaches a draining worker, which closes it.
  asio::post(acceptor_.get_executor(), [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
  });
}

Task<void> Listener::accept_loop() {
  while (acceptor_.is_open()) {
    Worker& worker = *workers_[next_];
    // The new socket is created on the receiving worker's io_context.
    auto [error, socket] = co_await acceptor_.async_accept(worker.io(), kUse);
    if (error) {
      if (error == asio::error::operation_aborted || !acceptor_.is_open()) co_return;
      // Out of file descriptors, most likely: pause rather than spin.
      platform::log::warn("accept failed", {{"error", error.message()}});
      Timer pause(acceptor_.get_executor(), std::chrono::milliseconds(50));
      co_await pause.async_wait(kUse);
      continue;
    }
    next_ = (next_ + 1) % workers_.size();
    worker.adopt(std::move(socket));
  }
}

}  // namespace gateway
