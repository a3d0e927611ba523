#include "proxy/worker.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>

#include "platform/log.h"
#include "proxy/session.h"

namespace gateway {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {
constexpr auto kSweepInterval = std::chrono::milliseconds(20);
}  // namespace

Worker::Worker(GatewayState& state) : state_(state) {}

Worker::~Worker() { stop(); }

void Worker::start() {
  asio::co_spawn(io_, sweep_deadlines(), asio::detached);
  thread_ = std::thread([this] { io_.run(); });
}

void Worker::adopt(Socket socket) {
  asio::post(io_, [this, socket = std::move(socket)]() mutable { serve(std::move(socket)); });
}

void Worker::serve(Socket socket) {
  boost::system::error_code ignored;
  if (draining_) {
    socket.close(ignored);
    return;
  }
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
    draining_ = true;
    boost::system::error_code ignored;
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
