#include "proxy/worker.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>

#include "platform/log.h"
#include "proxy/session.h"

namespace gateway {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

namespace {
constexpr auto kSweepInterval = std::chrono::milliseconds(20);
}  // namespace

Worker::Worker(GatewayState& state) : state_(state) {}

Worker::~Worker() { stop(); }

unsigned short Worker::listen(const tcp::endpoint& endpoint) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.set_option(ReusePort(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  return acceptor_.local_endpoint().port();
}

void Worker::start() {
  asio::co_spawn(io_, accept_loop(), asio::detached);
  asio::co_spawn(io_, sweep_deadlines(), asio::detached);
  thread_ = std::thread([this] { io_.run(); });
}

Task<void> Worker::accept_loop() {
  while (acceptor_.is_open()) {
    auto [error, socket] = co_await acceptor_.async_accept(kUse);
    if (error) {
      if (error == asio::error::operation_aborted || !acceptor_.is_open()) co_return;
      // Out of file descriptors, most likely: pause rather than spin.
      platform::log::warn("accept failed", {{"error", error.message()}});
      Timer pause(io_.get_executor(), std::chrono::milliseconds(50));
      co_await pause.async_wait(kUse);
      continue;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto client = clients_.emplace(clients_.end(), std::move(socket));
    ++open_clients_;
    asio::co_spawn(io_, serve_client(*this, *client), [this, client](std::exception_ptr failure) {
      if (failure) {
        try {
          std::rethrow_exception(failure);
        } catch (const std::exception& exception) {
          platform::log::error("client connection failed", {{"error", exception.what()}});
        }
      }
      clients_.erase(client);
      --open_clients_;
    });
  }
}

Task<void> Worker::sweep_deadlines() {
  Timer timer(io_.get_executor());
  while (!io_.stopped()) {
    timer.expires_after(kSweepInterval);
    auto [error] = co_await timer.async_wait(kUse);
    if (error) co_return;
    const auto now = coarse_nanos();
    for (auto& client : clients_) {
      if (client.deadline != 0 && client.deadline < now && client.waiting_on != nullptr) {
        client.timed_out = true;
        client.deadline = 0;
        boost::system::error_code ignored;
        client.waiting_on->cancel(ignored);
      }
    }
  }
}

void Worker::drain() {
  asio::post(io_, [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    for (auto& client : clients_) {
      if (client.idle) client.socket.shutdown(tcp::socket::shutdown_both, ignored);
    }
    pool_.clear();
  });
}

std::size_t Worker::connections() const { return open_clients_; }

void Worker::stop() {
  io_.stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace gateway
