#include "health/health_checker.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <string>
#include <unordered_set>

namespace gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct HealthChecker::State {
  State(asio::io_context& io, std::vector<Upstream*> checked)
      : control(io), upstreams(std::move(checked)) {}
  asio::io_context& control;
  std::vector<Upstream*> upstreams;
  bool stopped = false;
};

namespace {

constexpr auto kUse = asio::as_tuple(asio::use_awaitable);

asio::awaitable<bool> passes(asio::io_context& io, const Endpoint& endpoint,
                             const HealthCheck& check) {
  beast::tcp_stream stream(io);
  stream.expires_after(check.timeout);
  boost::system::error_code error;
  const auto address = asio::ip::make_address(endpoint.host, error);
  if (error) {
    tcp::resolver resolver(io);
    auto [resolve_error, endpoints] =
        co_await resolver.async_resolve(endpoint.host, std::to_string(endpoint.port), kUse);
    if (resolve_error) co_return false;
    auto [connect_error, ignored] = co_await stream.async_connect(endpoints, kUse);
    if (connect_error) co_return false;
  } else {
    auto [connect_error] =
        co_await stream.async_connect(tcp::endpoint(address, endpoint.port), kUse);
    if (connect_error) co_return false;
  }
  http::request<http::empty_body> request{http::verb::get, check.path, 11};
  request.set(http::field::host, endpoint.key());
  request.set(http::field::user_agent, "shop-gateway-health-check");
  request.keep_alive(false);
  auto [write_error, written] = co_await http::async_write(stream, request, kUse);
  if (write_error) co_return false;
  beast::flat_buffer buffer;
  http::response_parser<http::empty_body> parser;
  auto [read_error, read] = co_await http::async_read_header(stream, buffer, parser, kUse);
  if (read_error) co_return false;
  const auto status = parser.get().result_int();
  co_return status >= 200 && status < 300;
}

asio::awaitable<void> check_forever(std::shared_ptr<HealthChecker::State> state,
                                    Upstream* upstream) {
  const auto& check = upstream->config().health;
  asio::steady_timer timer(state->control);
  // An instance still answering its last check (slower than the interval)
  // is not asked again: checks must not pile up on a struggling instance.
  // Only the control thread touches this set.
  auto checking = std::make_shared<std::unordered_set<std::string>>();
  while (!state->stopped) {
    for (const auto& instance : upstream->instances()) {
      if (!checking->insert(instance->key()).second) continue;
      asio::co_spawn(
          state->control,
          [state, upstream, instance, &check, checking]() -> asio::awaitable<void> {
            const bool passed = co_await passes(state->control, instance->endpoint(), check);
            checking->erase(instance->key());
            if (!state->stopped) upstream->report_check(*instance, passed);
          },
          asio::detached);
    }
    timer.expires_after(check.interval);
    co_await timer.async_wait(kUse);
  }
}

}  // namespace

HealthChecker::HealthChecker(asio::io_context& control, std::vector<Upstream*> upstreams)
    : state_(std::make_shared<State>(control, std::move(upstreams))) {}

HealthChecker::~HealthChecker() { state_->stopped = true; }

void HealthChecker::start() {
  for (auto* upstream : state_->upstreams) {
    if (upstream->config().health.enabled) {
      asio::co_spawn(state_->control, check_forever(state_, upstream), asio::detached);
    }
  }
}

}  // namespace gateway
