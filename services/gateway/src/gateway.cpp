#include "gateway.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <thread>

#include "discovery/discovery.h"
#include "health/health_checker.h"
#include "platform/log.h"
#include "platform/periodic_task.h"
#include "proxy/gateway_state.h"
#include "proxy/listener.h"
#include "proxy/worker.h"

namespace gateway {

namespace asio = boost::asio;

class Gateway::Impl {
 public:
  Impl(GatewayConfig config, ListenOptions listen, platform::metrics::Registry& registry,
       std::shared_ptr<const platform::auth::TokenVerifier> verifier)
      : listen_(std::move(listen)), state_(std::move(config), registry, std::move(verifier)) {
    for (int i = 0; i < std::max(listen_.io_threads, 1); ++i) {
      workers_.push_back(std::make_unique<Worker>(state_));
    }
  }

  ~Impl() { stop(std::chrono::milliseconds(0)); }

  void start() {
    // Instances first: the first requests should find them.
    std::vector<Upstream*> upstreams;
    for (auto& [name, upstream] : state_.upstreams) {
      auto* target = upstream.get();
      upstreams.push_back(target);
      auto discovery = make_discovery(name, target->config().discovery, control_);
      discovery->start(
          [target](std::vector<Endpoint> endpoints) { target->update(std::move(endpoints)); });
      discoveries_.push_back(std::move(discovery));
    }
    health_ = std::make_unique<HealthChecker>(control_, std::move(upstreams));
    health_->start();
    control_thread_ = std::thread([this] { control_.run(); });
    sweeper_ = std::make_unique<platform::PeriodicTask>("rate-limit-sweep",
                                                        std::chrono::seconds(10), [this] {
                                                          const auto now = steady_nanos();
                                                          state_.per_client.sweep(now);
                                                          state_.per_user.sweep(now);
                                                        });

    asio::ip::tcp::endpoint endpoint(asio::ip::make_address(listen_.address),
                                     static_cast<unsigned short>(listen_.port));
    std::vector<Worker*> workers;
    for (auto& worker : workers_) workers.push_back(worker.get());
    listener_ = std::make_unique<Listener>(std::move(workers));
    port_ = listener_->listen(endpoint);
    for (auto& worker : workers_) worker->start();
    listener_->start();
    platform::log::info("listening", {{"address", listen_.address}, {"port", port_}});
  }

  int port() const { return port_; }

  void stop(std::chrono::milliseconds drain) {
    if (stopped_.exchange(true)) return;
    state_.draining = true;
    if (listener_) listener_->close();
    for (auto& worker : workers_) worker->drain();
    const auto until = std::chrono::steady_clock::now() + drain;
    while (std::chrono::steady_clock::now() < until) {
      std::size_t open = 0;
      for (auto& worker : workers_) open += worker->connections();
      if (open == 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    for (auto& worker : workers_) worker->stop();
    listener_.reset();  // before the io_context its acceptor belongs to
    sweeper_.reset();
    // The control thread runs the health checks and discoveries: it must be
    // gone before their state is touched from this thread.
    work_.reset();
    control_.stop();
    if (control_thread_.joinable()) control_thread_.join();
    health_.reset();
    discoveries_.clear();
  }

 private:
  ListenOptions listen_;
  GatewayState state_;
  asio::io_context control_{1};
  asio::executor_work_guard<asio::io_context::executor_type> work_{control_.get_executor()};
  std::thread control_thread_;
  std::vector<std::unique_ptr<Discovery>> discoveries_;
  std::unique_ptr<HealthChecker> health_;
  std::unique_ptr<platform::PeriodicTask> sweeper_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::unique_ptr<Listener> listener_;  // after the workers: destroyed first
  int port_ = 0;
  std::atomic<bool> stopped_{false};
};

Gateway::Gateway(GatewayConfig config, ListenOptions listen, platform::metrics::Registry& registry,
                 std::shared_ptr<const platform::auth::TokenVerifier> verifier)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(listen), registry,
                                   std::move(verifier))) {}

Gateway::~Gateway() = default;

void Gateway::start() { impl_->start(); }
int Gateway::port() const { return impl_->port(); }
void Gateway::stop(std::chrono::milliseconds drain) { impl_->stop(drain); }

}  // namespace gateway
