// One client connection of the gateway: requests read one after the other
// (keep-alive), each checked at the edge, then proxied to an instance of its
// upstream with the body streamed both ways, or answered by the gateway
// itself (static files, CORS preflights, problems).
#include "proxy/session.h"

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>
#include <memory_resource>
#include <span>

#include "platform/http/client_address.h"
#include "platform/http/request_id.h"
#include "platform/log.h"
#include "proxy/edge.h"
#include "proxy/exchange.h"
#include "proxy/wire_format.h"

namespace gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

// Bodies up to this size are read whole before they go upstream, so that a
// failed attempt can be sent again; larger ones stream and are sent once.
constexpr std::size_t kReplayableBody = 64 << 10;
constexpr std::size_t kRelayChunk = 64 << 10;
constexpr int kStaleConnectionRetries = 4;
constexpr std::size_t kReadBuffer = 16 << 10;
constexpr auto kLingerTime = std::chrono::seconds(2);

using RequestParser = http::request_parser<http::buffer_body, ArenaAllocator>;
using ResponseParser = http::response_parser<http::buffer_body, ArenaAllocator>;
// Room for the header fields of a request and its answer, and what the
// gateway adds: no request should need more, and the arena grows if one does.
constexpr std::size_t kArenaBytes = 16 << 10;

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
    error_code error;
    const auto remote = client_.socket.remote_endpoint(error);
    peer_ = error ? "" : remote.address().to_string() + ":" + std::to_string(remote.port());
  }

  Task<void> run() {
    bool first = true;
    while (true) {
      arena_.release();  // the previous request's fields are gone
      RequestParser parser(std::piecewise_construct, std::make_tuple(),
                           std::make_tuple(ArenaAllocator(&arena_)));
      parser.header_limit(static_cast<std::uint32_t>(state_.config.max_header_bytes));
      parser.body_limit(boost::none);  // checked per route once the route is known
      client_.idle = true;
      arm(client_.socket, first ? state_.config.header_timeout : state_.config.idle_timeout);
      auto [read_error, ignored] =
          co_await http::async_read_header(client_.socket, buffer_, parser, kUse);
      const auto error = settle(read_error);
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

 private:
  // ---- deadlines (see Worker::Client) -------------------------------------

  void arm(Socket& socket, std::chrono::milliseconds timeout) {
    client_.waiting_on = &socket;
    client_.timed_out = false;
    client_.deadline = coarse_nanos() + std::chrono::nanoseconds(timeout).count();
  }

  // The outcome of the armed operation: a wait the sweep cancelled is a timeout.
  error_code settle(error_code error) {
    client_.waiting_on = nullptr;
    client_.deadline = 0;
    if (client_.timed_out && error == asio::error::operation_aborted) {
      client_.timed_out = false;
      return beast::error::timeout;
    }
    return error;
  }

  // Closing a socket with unread input makes the kernel send a reset, which
  // can destroy the answer just written (a 413 or 431, say) before the client
  // reads it. So the gateway stops sending, then reads and discards until the
  // client closes, for a short while (nginx calls this lingering close).
  Task<void> close_gently() {
    error_code ignored;
    client_.socket.shutdown(tcp::socket::shutdown_send, ignored);
    arm(client_.socket, kLingerTime);
    std::array<char, 16 << 10> discard{};
    while (true) {
      auto [error, read] = co_await client_.socket.async_read_some(asio::buffer(discard), kUse);
      if (error) break;
    }
    settle({});
  }

  // A request that could not even be read: say why when it is the client's
  // fault, stay silent when it just went away or was idle too long.
  Task<void> refuse_unreadable(const error_code& error) {
    const bool parse_error =
        error.category() == http::make_error_code(http::error::end_of_stream).category();
    if (error == http::error::header_limit) {
      auto response =
          problem_response(431, "headers-too-large", "the header section is too large", 11);
      response.keep_alive(false);
      co_await send(response);
    } else if (parse_error && error != http::error::end_of_stream &&
               error != http::error::partial_message) {
      auto response = problem_response(400, "malformed-request", "not a valid HTTP request", 11);
      response.keep_alive(false);
      co_await send(response);
    }
  }

  // ---- one request ------------------------------------------------------------

  // Answers one request; false when the connection must close afterwards.
  Task<bool> handle(RequestParser& parser, Exchange& exchange) {
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
    // Whatever the gateway answers itself leaves the body unread: the
    // connection cannot carry another request after it.
    if (!parser.is_done()) exchange.keep_alive = false;
    if (path.empty() || path.front() != '/') {
      auto response = problem_response(400, "malformed-request",
                                       "the request target must be a path", request.version());
      co_return co_await answer(response, exchange);
    }
    if (auto own = operational_response(path, request.version())) {
      exchange.route_index = state_.route_index(nullptr);
      co_return co_await answer(*own, exchange);
    }
    const Route* route = state_.routes.match(path);
    exchange.route_index = state_.route_index(route);
    if (is_preflight(request)) {
      auto response = preflight_response(request, exchange);
      co_return co_await answer(response, exchange);
    }
    if (route == nullptr) {
      const bool reads =
          request.method() == http::verb::get || request.method() == http::verb::head;
      if (state_.web && reads) {
        exchange.route_index = state_.static_route_index();
        if (const auto* file = state_.web->find(path)) {
          auto response = file_response(*file, request);
          co_return co_await answer(response, exchange);
        }
      }
      auto response = problem_response(404, "route-not-found", "no route for " + std::string(path),
                                       request.version());
      co_return co_await answer(response, exchange);
    }

    const auto declared = parser.content_length();
    if ((declared && *declared > route->max_body_bytes) ||
        (!declared && parser.chunked() && route->max_body_bytes == 0)) {
      auto response =
          problem_response(413, "body-too-large",
                           "the body exceeds " + std::to_string(route->max_body_bytes) + " bytes",
                           request.version());
      co_return co_await answer(response, exchange);
    }
    if (auto refusal = check_edge(state_, *route, request, exchange, steady_nanos())) {
      co_return co_await answer(*refusal, exchange);
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

  // ---- proxying ---------------------------------------------------------------

  Task<bool> proxy(RequestParser& parser, const Route& route, Exchange& exchange) {
    auto& request = parser.get();
    auto& upstream = state_.upstream_for(route);
    const auto& upstream_config = upstream.config();
    parser.body_limit(route.max_body_bytes);

    if (beast::iequals(request[http::field::expect], "100-continue")) {
      request.erase(http::field::expect);
      http::response<http::empty_body, Fields> proceed{http::status::continue_, request.version()};
      if (co_await send(proceed)) co_return false;
    }
    // Small bodies are read whole: a failed attempt can then be sent again.
    std::string body;
    const auto declared = parser.content_length();
    const bool streamed = !parser.is_done() && (!declared || *declared > kReplayableBody);
    if (!parser.is_done() && !streamed && !co_await read_whole_body(parser, body)) {
      exchange.keep_alive = false;
      auto response = problem_response(400, "malformed-request", "the body could not be read",
                                       request.version());
      co_return co_await answer(response, exchange);
    }
    prepare_upstream_request(request, route);
    // The forwarding fields go into the message for Beast's serializer when
    // the body streams; otherwise straight into the wire buffer, built once
    // for every attempt.
    if (streamed) {
      forward(request, exchange);
    } else {
      request_wire_.clear();
      append_start_and_fields(request_wire_, request);
      append_forwarding(request_wire_, request, exchange);
      end_header(request_wire_);
    }

    const bool may_retry = !streamed && is_retryable(request.method(), request);
    const int attempts = may_retry ? upstream_config.attempts : 1;
    const auto budget_end =
        exchange.started + std::chrono::nanoseconds(upstream_config.retry_budget).count();
    // The instances tried for this request: at most `attempts`, so kept on
    // the stack (Upstream::choose takes a span).
    std::array<const Instance*, 16> tried_storage{};
    std::size_t tried_count = 0;
    const auto tried = [&] {
      return std::span<const Instance* const>(tried_storage.data(), tried_count);
    };
    std::string last_failure;
    int failure_status = 502;
    // Kept-alive connections the instance closed while they idled fail at
    // once; such an attempt did not reach the instance and does not count.
    int stale_connections = 0;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
      auto now = steady_nanos();
      if (attempt > 1) {
        if (now >= budget_end) break;
        upstream.count_retry();
      }
      const auto choice = upstream.choose(tried(), now);
      if (!choice.instance) {
        if (tried_count == 0) {
          // Built before the co_await: g++ 12 destroys temporaries of a
          // conditional expression inside a co_await twice.
          std::string detail = "no instance of " + upstream.name() + " is available";
          if (choice.reason == Unavailable::breaker_open) {
            detail = upstream.name() + " is failing; its circuit breaker is open";
          }
          auto response = problem_response(503, "upstream-unavailable", detail, request.version());
          co_return co_await answer(response, exchange);
        }
        break;  // every instance was tried
      }
      auto& instance = *choice.instance;
      if (tried_count < tried_storage.size()) tried_storage[tried_count++] = &instance;
      InFlight in_flight(instance);
      const auto sent_at = now;

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
        const std::array<asio::const_buffer, 2> message{asio::buffer(request_wire_),
                                                        asio::buffer(body)};
        arm(connection->socket, upstream_config.response_timeout);
        auto [write_error, ignored] = co_await asio::async_write(connection->socket, message, kUse);
        written = !settle(write_error);
      }
      if (!written) {
        if (connection->reused && !streamed && ++stale_connections <= kStaleConnectionRetries) {
          --tried_count;  // the instance itself is fine
          --attempt;
          continue;
        }
        upstream.report(instance, false, seconds_since(sent_at), steady_nanos());
        last_failure = "sending to " + instance.key() + " failed";
        if (streamed) break;
        continue;
      }

      // The response header.
      ResponseParser response_parser(std::piecewise_construct, std::make_tuple(),
                                     std::make_tuple(ArenaAllocator(&arena_)));
      response_parser.body_limit(boost::none);
      response_parser.header_limit(64 << 10);
      if (request.method() == http::verb::head) response_parser.skip(true);
      arm(connection->socket, upstream_config.response_timeout);
      auto [header_error, ignored] = co_await http::async_read_header(
          connection->socket, connection->buffer, response_parser, kUse);
      const auto read_error = settle(header_error);
      now = steady_nanos();
      if (read_error) {
        const bool closed_while_idle =
            connection->reused && read_error == http::error::end_of_stream;
        if (closed_while_idle && may_retry && ++stale_connections <= kStaleConnectionRetries) {
          --tried_count;
          --attempt;
          continue;
        }
        upstream.report(instance, false, seconds_since(sent_at, now), now);
        const bool timed_out = read_error == beast::error::timeout;
        failure_status = timed_out ? 504 : 502;
        last_failure =
            (timed_out ? "no answer in time from " : "a broken answer from ") + instance.key();
        if (!may_retry) break;
        continue;
      }
      const int status = response_parser.get().result_int();
      const bool overloaded = status == 502 || status == 503 || status == 504;
      upstream.report(instance, !overloaded, seconds_since(sent_at, now), now);
      if (overloaded && may_retry && attempt < attempts && now < budget_end) {
        last_failure = instance.key() + " answered " + std::to_string(status);
        continue;  // its connection is dropped: the body was not read
      }
      co_return co_await relay_response(response_parser, std::move(connection), upstream, exchange);
    }
    exchange.keep_alive = exchange.keep_alive && parser.is_done();
    if (last_failure.empty()) last_failure = "no instance answered";
    const char* code = failure_status == 504 ? "upstream-timeout" : "bad-gateway";
    auto response = problem_response(failure_status, code, last_failure, request.version());
    co_return co_await answer(response, exchange);
  }

  Task<std::unique_ptr<UpstreamConnection>> connect(std::shared_ptr<Instance> instance,
                                                    const UpstreamConfig& config) {
    auto connection = std::make_unique<UpstreamConnection>(worker_.io(), instance);
    connection->buffer.reserve(kReadBuffer);  // a typical answer in one read
    error_code error;
    const auto address = asio::ip::make_address(instance->endpoint().host, error);
    if (!error) {
      arm(connection->socket, config.connect_timeout);
      auto [connect_error] = co_await connection->socket.async_connect(
          tcp::endpoint(address, instance->endpoint().port), kUse);
      if (settle(connect_error)) co_return nullptr;
    } else {
      // A static list may name hosts ("catalog:8081" in docker-compose).
      asio::ip::basic_resolver<tcp, Executor> resolver(worker_.io().get_executor());
      auto [resolve_error, endpoints] = co_await resolver.async_resolve(
          instance->endpoint().host, std::to_string(instance->endpoint().port), kUse);
      if (resolve_error) co_return nullptr;
      arm(connection->socket, config.connect_timeout);
      auto [connect_error, ignored] =
          co_await asio::async_connect(connection->socket, endpoints, kUse);
      if (settle(connect_error)) co_return nullptr;
    }
    connection->socket.set_option(tcp::no_delay(true), error);
    co_return connection;
  }

  void prepare_upstream_request(http::request<http::buffer_body, Fields>& request,
                                const Route& route) {
    remove_hop_by_hop(request);
    strip_forwarding(request);
    request.target(upstream_target(route, request.target()));
    request.keep_alive(true);
  }

  Task<bool> read_whole_body(RequestParser& parser, std::string& body) {
    char* chunk = relay_buffer();
    while (!parser.is_done()) {
      parser.get().body().data = chunk;
      parser.get().body().size = kRelayChunk;
      arm(client_.socket, state_.config.body_timeout);
      auto [read_error, ignored] = co_await http::async_read(client_.socket, buffer_, parser, kUse);
      const auto error = settle(read_error);
      if (error && error != http::error::need_buffer) co_return false;
      body.append(chunk, kRelayChunk - parser.get().body().size);
    }
    co_return true;
  }

  // Streams the rest of the client's body to the instance as it arrives.
  Task<bool> relay_request(RequestParser& parser, UpstreamConnection& connection) {
    auto& request = parser.get();
    request.body().data = nullptr;
    request.body().more = true;
    http::request_serializer<http::buffer_body, Fields> serializer{request};
    arm(connection.socket, state_.config.body_timeout);
    auto [header_error, written] =
        co_await http::async_write_header(connection.socket, serializer, kUse);
    if (settle(header_error)) co_return false;
    char* chunk = relay_buffer();
    while (!parser.is_done()) {
      request.body().data = chunk;
      request.body().size = kRelayChunk;
      arm(client_.socket, state_.config.body_timeout);
      auto [read_error, read] = co_await http::async_read(client_.socket, buffer_, parser, kUse);
      const auto read_outcome = settle(read_error);
      if (read_outcome && read_outcome != http::error::need_buffer) co_return false;
      request.body().size = kRelayChunk - request.body().size;
      request.body().data = chunk;
      request.body().more = !parser.is_done();
      arm(connection.socket, state_.config.body_timeout);
      auto [write_error, sent] = co_await http::async_write(connection.socket, serializer, kUse);
      const auto write_outcome = settle(write_error);
      if (write_outcome && write_outcome != http::error::need_buffer) co_return false;
    }
    if (!serializer.is_done()) {
      request.body().data = nullptr;
      request.body().size = 0;
      request.body().more = false;
      arm(connection.socket, state_.config.body_timeout);
      auto [error, sent] = co_await http::async_write(connection.socket, serializer, kUse);
      const auto outcome = settle(error);
      if (outcome && outcome != http::error::need_buffer) co_return false;
    }
    co_return true;
  }

  Task<bool> relay_response(ResponseParser& parser, std::unique_ptr<UpstreamConnection> connection,
                            Upstream& upstream, Exchange& exchange) {
    auto& response = parser.get();
    exchange.status = response.result_int();
    remove_hop_by_hop(response);
    clear_decorated(response, exchange);
    response.keep_alive(exchange.keep_alive);
    bool upstream_intact = true;
    if (parser.chunked()) {
      decorate(response, exchange);
      upstream_intact = co_await relay_chunked_body(parser, *connection, exchange);
    } else {
      upstream_intact = co_await relay_sized_body(parser, *connection, exchange);
    }
    if (upstream_intact && parser.is_done() && parser.keep_alive()) {
      worker_.pool().give_back(std::move(connection), upstream.config().max_idle_per_instance);
    }
    co_return exchange.keep_alive;
  }

  // The common case: the answer's length is known (or it has no body). The
  // header goes out with the first piece of the body in one write, the rest
  // follows piece by piece. False when the upstream connection is unusable.
  Task<bool> relay_sized_body(ResponseParser& parser, UpstreamConnection& connection,
                              Exchange& exchange) {
    auto& response = parser.get();
    wire_.clear();
    append_start_and_fields(wire_, response);
    append_decoration(wire_, response, exchange);
    end_header(wire_);
    char* chunk = relay_buffer();
    bool header_sent = false;
    while (!header_sent || !parser.is_done()) {
      std::size_t piece = 0;
      if (!parser.is_done()) {
        response.body().data = chunk;
        response.body().size = kRelayChunk;
        arm(connection.socket, state_.config.body_timeout);
        auto [read_error, read] =
            co_await http::async_read(connection.socket, connection.buffer, parser, kUse);
        const auto error = settle(read_error);
        if (error && error != http::error::need_buffer) {
          // Broken half way: the client can only be disconnected, so that it
          // does not take a truncated body for a whole one.
          exchange.keep_alive = false;
          co_return false;
        }
        piece = kRelayChunk - response.body().size;
      }
      const std::array<asio::const_buffer, 2> out{
          asio::buffer(wire_.data(), header_sent ? 0 : wire_.size()), asio::buffer(chunk, piece)};
      header_sent = true;
      arm(client_.socket, state_.config.body_timeout);
      auto [write_error, written] = co_await asio::async_write(client_.socket, out, kUse);
      if (settle(write_error)) {
        exchange.keep_alive = false;
        co_return parser.is_done();
      }
    }
    co_return true;
  }

  // A chunked answer is chunked again on the way out, by Beast's serializer.
  Task<bool> relay_chunked_body(ResponseParser& parser, UpstreamConnection& connection,
                                Exchange& exchange) {
    auto& response = parser.get();
    http::response_serializer<http::buffer_body, Fields> serializer{response};
    char* chunk = relay_buffer();
    while (true) {
      if (!parser.is_done()) {
        response.body().data = chunk;
        response.body().size = kRelayChunk;
        arm(connection.socket, state_.config.body_timeout);
        auto [read_error, read] =
            co_await http::async_read(connection.socket, connection.buffer, parser, kUse);
        const auto error = settle(read_error);
        if (error && error != http::error::need_buffer) {
          exchange.keep_alive = false;
          co_return false;
        }
        response.body().size = kRelayChunk - response.body().size;
        response.body().data = chunk;
        response.body().more = !parser.is_done();
      } else {
        response.body().data = nullptr;
        response.body().size = 0;
        response.body().more = false;
      }
      arm(client_.socket, state_.config.body_timeout);
      auto [write_error, written] = co_await http::async_write(client_.socket, serializer, kUse);
      const auto error = settle(write_error);
      if (error && error != http::error::need_buffer) {
        exchange.keep_alive = false;
        co_return parser.is_done();
      }
      if (serializer.is_done()) co_return true;
    }
  }

  // ---- answers of the gateway itself ---------------------------------------

  template <class Response>
  Task<bool> answer(Response& response, Exchange& exchange) {
    exchange.status = response.result_int();
    decorate(response, exchange);
    response.keep_alive(exchange.keep_alive);
    const bool failed = co_await send(response);
    co_return !failed && exchange.keep_alive;
  }

  // Writes a whole message; true when that failed.
  template <class Message>
  Task<bool> send(Message& message) {
    arm(client_.socket, state_.config.body_timeout);
    auto [error, written] = co_await http::async_write(client_.socket, message, kUse);
    co_return static_cast<bool>(settle(error));
  }

  void finish(const http::request<http::buffer_body, Fields>& request, const Exchange& exchange) {
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

  static double seconds_since(std::int64_t start, std::int64_t now = steady_nanos()) {
    return static_cast<double>(now - start) / 1e9;
  }

  Worker& worker_;
  GatewayState& state_;
  Worker::Client& client_;
  std::unique_ptr<std::byte[]> arena_storage_ =
      std::make_unique_for_overwrite<std::byte[]>(kArenaBytes);
  std::pmr::monotonic_buffer_resource arena_{arena_storage_.get(), kArenaBytes};
  beast::flat_buffer buffer_;
  std::string peer_;
  std::unique_ptr<char[]> relay_buffer_;
  std::string wire_;          // an answer's header as it goes out, reused
  std::string request_wire_;  // the request's header as it goes upstream
};

}  // namespace

Task<void> serve_client(Worker& worker, Worker::Client& client) {
  Session session(worker, client);
  co_await session.run();
}

}  // namespace gateway
