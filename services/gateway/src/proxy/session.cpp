// One client connection of the gateway: requests read one after the other
// (keep-alive), each checked at the edge, then proxied to an instance of its
// upstream with the body streamed both ways, or answered by the gateway
// itself (static files, CORS preflights, problems).
#include "proxy/session.h"

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http.hpp>

#include "platform/http/client_address.h"
#include "platform/http/request_id.h"
#include "platform/log.h"
#include "proxy/edge.h"
#include "proxy/exchange.h"

namespace gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kUse = asio::as_tuple(asio::use_awaitable);
// Bodies up to this size are read whole before they go upstream, so that a
// failed attempt can be sent again; larger ones stream and are sent once.
constexpr std::size_t kReplayableBody = 64 << 10;
constexpr std::size_t kRelayChunk = 64 << 10;
constexpr int kStaleConnectionRetries = 4;
constexpr std::size_t kReadBuffer = 16 << 10;

using RequestParser = http::request_parser<http::buffer_body>;
using ResponseParser = http::response_parser<http::buffer_body>;

// Counts a request in flight to an instance for as long as it lives.
class InFlight {
 public:
  explicit InFlight(Instance& instance) : instance_(instance) { ++instance_.outstanding; }
  ~InFlight() { --instance_.outstanding; }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  Instance& instance_;
};

class Session {
 public:
  Session(Worker& worker, Worker::Client& client)
      : worker_(worker), state_(worker.state()), client_(client) {
    // Beast grows a read buffer from 512 bytes; a request header of a few
    // hundred bytes then takes two reads. Room for any usual header at once.
    buffer_.reserve(kReadBuffer);
    boost::system::error_code error;
    const auto remote = client_.stream.socket().remote_endpoint(error);
    peer_ = error ? "" : remote.address().to_string() + ":" + std::to_string(remote.port());
  }

  asio::awaitable<void> run() {
    bool first = true;
    while (true) {
      RequestParser parser;
      parser.header_limit(static_cast<std::uint32_t>(state_.config.max_header_bytes));
      parser.body_limit(boost::none);  // checked per route once the route is known
      client_.idle = true;
      client_.stream.expires_after(first ? state_.config.header_timeout
                                         : state_.config.idle_timeout);
      auto [error, ignored] =
          co_await http::async_read_header(client_.stream, buffer_, parser, kUse);
      first = false;
      if (error) {
        co_await refuse_unreadable(error);
        break;
      }
      client_.idle = false;
      Exchange exchange;
      exchange.started = steady_nanos();
      const bool keep = co_await handle(parser, exchange);
      finish(parser.get(), exchange);
      if (!keep || state_.draining) break;
    }
    co_await close_gently();
  }

  // Closing a socket with unread input makes the kernel send a reset, which
  // can destroy the answer just written (a 413 or 431, say) before the client
  // reads it. So the gateway stops sending, then reads and discards until the
  // client closes, for a short while (nginx calls this lingering close).
  asio::awaitable<void> close_gently() {
    boost::system::error_code ignored;
    client_.stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::array<char, 16 << 10> discard{};
    client_.stream.expires_after(std::chrono::seconds(2));
    while (true) {
      auto [error, read] = co_await client_.stream.async_read_some(asio::buffer(discard), kUse);
      if (error) break;
    }
  }

 private:
  // A request that could not even be read: say why when it is the client's
  // fault, stay silent when it just went away.
  asio::awaitable<void> refuse_unreadable(const boost::system::error_code& error) {
    const bool parse_error =
        error.category() == http::make_error_code(http::error::end_of_stream).category();
    if (error == http::error::header_limit) {
      auto response =
          problem_response(431, "headers-too-large", "the header section is too large", 11);
      response.keep_alive(false);
      co_await send(std::move(response), nullptr);
    } else if (parse_error && error != http::error::end_of_stream &&
               error != http::error::partial_message) {
      auto response = problem_response(400, "malformed-request", "not a valid HTTP request", 11);
      response.keep_alive(false);
      co_await send(std::move(response), nullptr);
    }
  }

  // Answers one request; false when the connection must close afterwards.
  asio::awaitable<bool> handle(RequestParser& parser, Exchange& exchange) {
    auto& request = parser.get();
    exchange.request_id = platform::http::request_id_for(request["X-Request-Id"]);
    exchange.trace = platform::TraceContext::child_of(
        platform::TraceContext::from_traceparent(request["traceparent"]));
    exchange.trace.request_id = exchange.request_id;
    exchange.client_address = platform::http::client_address(peer_, request["X-Forwarded-For"],
                                                             state_.config.trusted_proxies);
    exchange.allowed_origin = allowed_origin(state_.config, request[http::field::origin]);
    exchange.keep_alive = request.keep_alive() && !state_.draining;

    const auto target = request.target();
    const auto path = target.substr(0, target.find('?'));
    if (path.empty() || path.front() != '/') {
      auto response = problem_response(400, "malformed-request",
                                       "the request target must be a path", request.version());
      co_return co_await answer(std::move(response), exchange);
    }
    if (auto own = operational_response(path, request.version())) {
      exchange.route_index = state_.route_index(nullptr);
      co_return co_await answer(std::move(*own), exchange);
    }
    const Route* route = state_.routes.match(path);
    exchange.route_index = state_.route_index(route);
    // Whatever the gateway answers itself leaves the body unread: the
    // connection cannot carry another request after it.
    if (!parser.is_done()) exchange.keep_alive = false;
    if (is_preflight(request)) {
      auto response = preflight_response(request, exchange);
      co_return co_await answer(std::move(response), exchange);
    }
    if (route == nullptr) {
      const bool reads =
          request.method() == http::verb::get || request.method() == http::verb::head;
      if (state_.web && reads) {
        exchange.route_index = state_.static_route_index();
        if (const auto* file = state_.web->find(path)) {
          auto response = file_response(*file, request);
          co_return co_await answer(std::move(response), exchange);
        }
      }
      auto response = problem_response(404, "route-not-found", "no route for " + std::string(path),
                                       request.version());
      co_return co_await answer(std::move(response), exchange);
    }

    const auto declared = parser.content_length();
    if ((declared && *declared > route->max_body_bytes) ||
        (!declared && parser.chunked() && route->max_body_bytes == 0)) {
      exchange.keep_alive = false;  // the unread body is still on the connection
      auto response =
          problem_response(413, "body-too-large",
                           "the body exceeds " + std::to_string(route->max_body_bytes) + " bytes",
                           request.version());
      co_return co_await answer(std::move(response), exchange);
    }
    if (auto refusal = check_edge(state_, *route, request, exchange, steady_nanos())) {
      co_return co_await answer(std::move(*refusal), exchange);
    }
    exchange.keep_alive = request.keep_alive() && !state_.draining;
    co_return co_await proxy(parser, *route, exchange);
  }

  // The gateway's own /healthz, /readyz (ready until it drains: its
  // upstreams have their own checks) and /metrics.
  std::optional<StringResponse> operational_response(std::string_view path,
                                                     unsigned version) const {
    if (path != "/healthz" && path != "/readyz" && path != "/metrics") return std::nullopt;
    StringResponse response{http::status::ok, version};
    if (path == "/metrics") {
      response.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
      response.body() = state_.registry.render();
    } else {
      const bool ready = path == "/healthz" || !state_.draining;
      response.result(ready ? http::status::ok : http::status::service_unavailable);
      response.set(http::field::content_type, "application/json");
      response.body() = ready ? R"({"status":"ok"})" : R"({"status":"draining"})";
    }
    response.prepare_payload();
    return response;
  }

  // ---- proxying -------------------------------------------------------------

  asio::awaitable<bool> proxy(RequestParser& parser, const Route& route, Exchange& exchange) {
    auto& request = parser.get();
    auto& upstream = state_.upstream_for(route);
    const auto& upstream_config = upstream.config();
    parser.body_limit(route.max_body_bytes);

    if (beast::iequals(request[http::field::expect], "100-continue")) {
      request.erase(http::field::expect);
      http::response<http::empty_body> proceed{http::status::continue_, request.version()};
      auto [error, ignored] = co_await http::async_write(client_.stream, proceed, kUse);
      if (error) co_return false;
    }
    // Small bodies are read whole: a failed attempt can then be sent again.
    std::string body;
    const auto declared = parser.content_length();
    const bool streamed = !parser.is_done() && (!declared || *declared > kReplayableBody);
    if (!parser.is_done() && !streamed) {
      if (!co_await read_whole_body(parser, body)) {
        exchange.keep_alive = false;
        auto response = problem_response(400, "malformed-request", "the body could not be read",
                                         request.version());
        co_return co_await answer(std::move(response), exchange);
      }
    }
    prepare_upstream_request(request, route, exchange);

    const bool may_retry = !streamed && is_retryable(request.method(), request);
    const int attempts = may_retry ? upstream_config.attempts : 1;
    const auto budget_end =
        exchange.started + std::chrono::nanoseconds(upstream_config.retry_budget).count();
    std::vector<const Instance*> tried;
    std::string last_failure = "no instance answered";
    int failure_status = 502;
    // Kept-alive connections the instance closed while they idled fail at
    // once; such an attempt did not reach the instance and does not count.
    int stale_connections = 0;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
      if (attempt > 1) {
        if (steady_nanos() >= budget_end) break;
        upstream.count_retry();
      }
      const auto choice = upstream.choose(tried, steady_nanos());
      if (!choice.instance) {
        if (tried.empty()) {
          // Built before the co_await: g++ 12 destroys temporaries of a
          // conditional expression inside a co_await twice.
          std::string detail = "no instance of " + upstream.name() + " is available";
          if (choice.reason == Unavailable::breaker_open) {
            detail = upstream.name() + " is failing; its circuit breaker is open";
          }
          auto response = problem_response(503, "upstream-unavailable", detail, request.version());
          co_return co_await answer(std::move(response), exchange);
        }
        break;  // every instance was tried
      }
      auto& instance = *choice.instance;
      tried.push_back(&instance);
      InFlight in_flight(instance);
      const auto sent_at = steady_nanos();

      auto connection = worker_.pool().take(instance);
      if (!connection) {
        connection = co_await connect(choice.instance, upstream_config);
        if (!connection) {
          upstream.report(instance, false, seconds_since(sent_at), steady_nanos());
          last_failure = "connecting to " + instance.key() + " failed";
          continue;  // nothing was sent: any request may go elsewhere
        }
      }

      // The request.
      bool written = false;
      if (streamed) {
        written = co_await relay_request(parser, *connection);
      } else {
        request.body().data = body.empty() ? nullptr : body.data();
        request.body().size = body.size();
        request.body().more = false;
        http::request_serializer<http::buffer_body> serializer{request};
        connection->stream.expires_after(upstream_config.response_timeout);
        auto [error, ignored] = co_await http::async_write(connection->stream, serializer, kUse);
        written = !error;
      }
      if (!written) {
        if (connection->reused && !streamed && ++stale_connections <= kStaleConnectionRetries) {
          tried.pop_back();  // the instance itself is fine
          --attempt;
          continue;
        }
        upstream.report(instance, false, seconds_since(sent_at), steady_nanos());
        last_failure = "sending to " + instance.key() + " failed";
        if (streamed) break;
        continue;
      }

      // The response header.
      ResponseParser response_parser;
      response_parser.body_limit(boost::none);
      response_parser.header_limit(64 << 10);
      if (request.method() == http::verb::head) response_parser.skip(true);
      connection->stream.expires_after(upstream_config.response_timeout);
      auto [read_error, ignored] = co_await http::async_read_header(
          connection->stream, connection->buffer, response_parser, kUse);
      if (read_error) {
        const bool closed_while_idle =
            connection->reused && read_error == http::error::end_of_stream;
        if (closed_while_idle && may_retry && ++stale_connections <= kStaleConnectionRetries) {
          tried.pop_back();
          --attempt;
          continue;
        }
        upstream.report(instance, false, seconds_since(sent_at), steady_nanos());
        const bool timed_out = read_error == beast::error::timeout;
        failure_status = timed_out ? 504 : 502;
        last_failure =
            (timed_out ? "no answer in time from " : "a broken answer from ") + instance.key();
        if (!may_retry) break;
        continue;
      }
      const int status = response_parser.get().result_int();
      const bool overloaded = status == 502 || status == 503 || status == 504;
      upstream.report(instance, !overloaded, seconds_since(sent_at), steady_nanos());
      if (overloaded && may_retry && attempt < attempts && steady_nanos() < budget_end) {
        last_failure = instance.key() + " answered " + std::to_string(status);
        continue;  // its connection is dropped: the body was not read
      }
      co_return co_await relay_response(response_parser, std::move(connection), upstream, exchange);
    }
    exchange.keep_alive = exchange.keep_alive && parser.is_done();
    const char* code = failure_status == 504 ? "upstream-timeout" : "bad-gateway";
    auto response = problem_response(failure_status, code, last_failure, request.version());
    co_return co_await answer(std::move(response), exchange);
  }

  asio::awaitable<std::unique_ptr<UpstreamConnection>> connect(std::shared_ptr<Instance> instance,
                                                               const UpstreamConfig& config) {
    auto connection = std::make_unique<UpstreamConnection>(worker_.io(), instance);
    connection->buffer.reserve(kReadBuffer);  // a typical answer in one read
    connection->stream.expires_after(config.connect_timeout);
    boost::system::error_code error;
    const auto address = asio::ip::make_address(instance->endpoint().host, error);
    if (!error) {
      auto [connect_error] = co_await connection->stream.async_connect(
          tcp::endpoint(address, instance->endpoint().port), kUse);
      if (connect_error) co_return nullptr;
    } else {
      // A static list may name hosts ("catalog:8081" in docker-compose).
      tcp::resolver resolver(worker_.io());
      auto [resolve_error, endpoints] = co_await resolver.async_resolve(
          instance->endpoint().host, std::to_string(instance->endpoint().port), kUse);
      if (resolve_error) co_return nullptr;
      auto [connect_error, ignored] = co_await connection->stream.async_connect(endpoints, kUse);
      if (connect_error) co_return nullptr;
    }
    connection->stream.socket().set_option(tcp::no_delay(true), error);
    co_return connection;
  }

  void prepare_upstream_request(http::request<http::buffer_body>& request, const Route& route,
                                const Exchange& exchange) {
    remove_hop_by_hop(request);
    request.target(upstream_target(route, request.target()));
    const auto host = request[http::field::host];
    if (!host.empty()) request.set("X-Forwarded-Host", host);
    request.set("X-Forwarded-Proto", "http");
    // Behind a trusted proxy the chain goes on; otherwise the client's claims
    // are replaced by what the gateway saw.
    request.set("X-Forwarded-For", exchange.client_address);
    request.set("X-Request-Id", exchange.request_id);
    request.set("traceparent", platform::TraceContext::child_of(exchange.trace).traceparent());
    request.keep_alive(true);
  }

  asio::awaitable<bool> read_whole_body(RequestParser& parser, std::string& body) {
    std::array<char, 16 << 10> chunk{};
    client_.stream.expires_after(state_.config.body_timeout);
    while (!parser.is_done()) {
      parser.get().body().data = chunk.data();
      parser.get().body().size = chunk.size();
      auto [error, ignored] = co_await http::async_read(client_.stream, buffer_, parser, kUse);
      if (error && error != http::error::need_buffer) co_return false;
      body.append(chunk.data(), chunk.size() - parser.get().body().size);
    }
    co_return true;
  }

  // Streams the rest of the client's body to the instance as it arrives.
  asio::awaitable<bool> relay_request(RequestParser& parser, UpstreamConnection& connection) {
    auto& request = parser.get();
    request.body().data = nullptr;
    request.body().more = true;
    http::request_serializer<http::buffer_body> serializer{request};
    connection.stream.expires_after(state_.config.body_timeout);
    auto [header_error, written] =
        co_await http::async_write_header(connection.stream, serializer, kUse);
    if (header_error) co_return false;
    char* chunk = relay_buffer();
    while (!parser.is_done()) {
      request.body().data = chunk;
      request.body().size = kRelayChunk;
      client_.stream.expires_after(state_.config.body_timeout);
      auto [read_error, read] = co_await http::async_read(client_.stream, buffer_, parser, kUse);
      if (read_error && read_error != http::error::need_buffer) co_return false;
      request.body().size = kRelayChunk - request.body().size;
      request.body().data = chunk;
      request.body().more = !parser.is_done();
      connection.stream.expires_after(state_.config.body_timeout);
      auto [write_error, sent] = co_await http::async_write(connection.stream, serializer, kUse);
      if (write_error && write_error != http::error::need_buffer) co_return false;
    }
    if (!serializer.is_done()) {
      request.body().data = nullptr;
      request.body().size = 0;
      request.body().more = false;
      auto [error, sent] = co_await http::async_write(connection.stream, serializer, kUse);
      if (error && error != http::error::need_buffer) co_return false;
    }
    co_return true;
  }

  // Sends the instance's answer on to the client, body streamed; the header
  // goes out with the first piece of the body in one write.
  asio::awaitable<bool> relay_response(ResponseParser& parser,
                                       std::unique_ptr<UpstreamConnection> connection,
                                       Upstream& upstream, Exchange& exchange) {
    auto& response = parser.get();
    exchange.status = response.result_int();
    remove_hop_by_hop(response);
    decorate(response, exchange);
    response.keep_alive(exchange.keep_alive);
    http::response_serializer<http::buffer_body> serializer{response};
    char* chunk = relay_buffer();
    bool upstream_intact = true;
    while (true) {
      if (!parser.is_done()) {
        response.body().data = chunk;
        response.body().size = kRelayChunk;
        connection->stream.expires_after(state_.config.body_timeout);
        auto [error, read] =
            co_await http::async_read(connection->stream, connection->buffer, parser, kUse);
        if (error && error != http::error::need_buffer) {
          // The answer broke half way: the client cannot be told, only
          // disconnected, so that it does not take a truncated body as whole.
          upstream_intact = false;
          exchange.keep_alive = false;
          break;
        }
        response.body().size = kRelayChunk - response.body().size;
        response.body().data = chunk;
        response.body().more = !parser.is_done();
      } else {
        response.body().data = nullptr;
        response.body().size = 0;
        response.body().more = false;
      }
      client_.stream.expires_after(state_.config.body_timeout);
      auto [error, written] = co_await http::async_write(client_.stream, serializer, kUse);
      if (error && error != http::error::need_buffer) {
        exchange.keep_alive = false;
        upstream_intact = parser.is_done();
        break;
      }
      if (serializer.is_done()) break;
    }
    if (upstream_intact && parser.is_done() && parser.keep_alive()) {
      worker_.pool().give_back(std::move(connection), upstream.config().max_idle_per_instance);
    }
    co_return exchange.keep_alive;
  }

  // ---- answers of the gateway itself ---------------------------------------

  template <class Response>
  asio::awaitable<bool> answer(Response response, Exchange& exchange) {
    exchange.status = response.result_int();
    decorate(response, exchange);
    response.keep_alive(exchange.keep_alive);
    co_return co_await send(std::move(response), &exchange);
  }

  template <class Response>
  asio::awaitable<bool> send(Response response, Exchange* exchange) {
    client_.stream.expires_after(state_.config.body_timeout);
    auto [error, written] = co_await http::async_write(client_.stream, response, kUse);
    if (error) co_return false;
    co_return exchange != nullptr && exchange->keep_alive;
  }

  void finish(const http::request<http::buffer_body>& request, const Exchange& exchange) {
    const auto elapsed = seconds_since(exchange.started);
    const auto& label = state_.route_label(exchange.route_index);
    state_.request_counter(exchange.route_index, exchange.status).increment();
    state_.route_durations[exchange.route_index]->observe(elapsed);
    if (state_.config.access_log && platform::log::enabled(platform::log::Level::info)) {
      platform::TraceScope scope(exchange.trace);
      platform::log::info("request", {{"method", std::string(request.method_string())},
                                      {"path", std::string(request.target())},
                                      {"route", label},
                                      {"status", exchange.status},
                                      {"duration_ms", elapsed * 1000.0},
                                      {"client", exchange.client_address}});
    }
  }

  // One buffer per connection for body pieces in either direction, made on
  // first use and never cleared: it is written before it is read.
  char* relay_buffer() {
    if (!relay_buffer_) relay_buffer_ = std::make_unique_for_overwrite<char[]>(kRelayChunk);
    return relay_buffer_.get();
  }

  static double seconds_since(std::int64_t start) {
    return static_cast<double>(steady_nanos() - start) / 1e9;
  }

  Worker& worker_;
  GatewayState& state_;
  Worker::Client& client_;
  beast::flat_buffer buffer_;
  std::string peer_;
  std::unique_ptr<char[]> relay_buffer_;
};

}  // namespace

asio::awaitable<void> serve_client(Worker& worker, Worker::Client& client) {
  Session session(worker, client);
  co_await session.run();
}

}  // namespace gateway
