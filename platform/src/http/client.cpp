#include "platform/http/client.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <future>
#include <map>
#include <random>
#include <thread>
#include <variant>

#include "platform/error.h"
#include "platform/trace_context.h"

namespace platform::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Target {
  bool tls = false;
  std::string host;
  std::string port;
  std::string path_and_query;
  std::string connect_host;  // whom to dial: the host and port unless told otherwise
  std::string connect_port;
  // Names the peer in metrics and messages.
  std::string key() const { return host + ":" + port; }
  // Connections are shared only by requests to the same peer over the same
  // dialled address: a TLS session is bound to the name it verified.
  std::string pool_key() const {
    return std::string(tls ? "https://" : "http://") + key() + "@" + connect_host + ":" +
           connect_port;
  }
};

Target parse_target(const std::string& url, const std::string& connect_to) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) throw Error(ErrorKind::invalid_argument, "bad-url", "not a URL: " + url);
  if (parsed->scheme() != "http" && parsed->scheme() != "https") {
    throw Error(ErrorKind::invalid_argument, "bad-url",
                "unsupported scheme " + std::string(parsed->scheme()));
  }
  Target target;
  target.tls = parsed->scheme() == "https";
  target.host = std::string(parsed->host());
  target.port = parsed->has_port() ? std::string(parsed->port()) : (target.tls ? "443" : "80");
  target.path_and_query = std::string(parsed->encoded_path());
  if (target.path_and_query.empty()) target.path_and_query = "/";
  if (parsed->has_query()) target.path_and_query += "?" + std::string(parsed->encoded_query());
  target.connect_host = target.host;
  target.connect_port = target.port;
  if (!connect_to.empty()) {
    const auto colon = connect_to.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == connect_to.size()) {
      throw Error(ErrorKind::invalid_argument, "bad-url",
                  "connect_to must be host:port, not " + connect_to);
    }
    target.connect_host = connect_to.substr(0, colon);
    target.connect_port = connect_to.substr(colon + 1);
  }
  return target;
}

// One connection to a peer, plain or TLS; the HTTP exchange is the same.
class Connection {
 public:
  using TlsStream = beast::ssl_stream<beast::tcp_stream>;

  explicit Connection(asio::io_context& io) : stream_(std::in_place_type<beast::tcp_stream>, io) {}
  Connection(asio::io_context& io, ssl::context& tls)
      : stream_(std::in_place_type<TlsStream>, io, tls) {}

  beast::tcp_stream& tcp() {
    if (auto* tls = std::get_if<TlsStream>(&stream_)) return beast::get_lowest_layer(*tls);
    return std::get<beast::tcp_stream>(stream_);
  }
  TlsStream* tls() { return std::get_if<TlsStream>(&stream_); }

  template <class Message>
  asio::awaitable<void> write(Message& message) {
    if (auto* secure = tls()) {
      co_await bhttp::async_write(*secure, message, asio::use_awaitable);
    } else {
      co_await bhttp::async_write(tcp(), message, asio::use_awaitable);
    }
  }

  template <class Parser>
  asio::awaitable<void> read(beast::flat_buffer& buffer, Parser& parser) {
    if (auto* secure = tls()) {
      co_await bhttp::async_read(*secure, buffer, parser, asio::use_awaitable);
    } else {
      co_await bhttp::async_read(tcp(), buffer, parser, asio::use_awaitable);
    }
  }

 private:
  std::variant<beast::tcp_stream, TlsStream> stream_;
};

ssl::context make_tls_context(const std::string& ca_file) {
  ssl::context context(ssl::context::tls_client);
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                      ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  context.set_verify_mode(ssl::verify_peer);
  if (ca_file.empty()) {
    context.set_default_verify_paths();
  } else {
    context.load_verify_file(ca_file);
  }
  return context;
}

bhttp::verb verb_of(Method method) {
  switch (method) {
    case Method::get:
      return bhttp::verb::get;
    case Method::head:
      return bhttp::verb::head;
    case Method::post:
      return bhttp::verb::post;
    case Method::put:
      return bhttp::verb::put;
    case Method::patch:
      return bhttp::verb::patch;
    case Method::delete_:
      return bhttp::verb::delete_;
    case Method::options:
      return bhttp::verb::options;
    case Method::other:
      break;
  }
  throw Error(ErrorKind::invalid_argument, "bad-method", "unsupported method");
}

bool idempotent(const ClientRequest& request) {
  return request.method == Method::get || request.method == Method::head ||
         request.method == Method::put || request.method == Method::delete_ ||
         request.method == Method::options || request.headers.contains("Idempotency-Key");
}

// A call's result as it crosses from the client's I/O thread to the caller.
// A value, not an exception_ptr: the exception object would otherwise be
// freed on whichever thread drops the last reference, with the reference
// count kept in uninstrumented libstdc++ code that ThreadSanitizer reports
// as a race.
using Outcome = std::variant<Response, Error>;

Outcome to_error(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& error) {
    // A copy of the message, not of the error: std::runtime_error shares
    // its message with its copies under that same uninstrumented count, and
    // the original is freed on this thread while the caller reads the copy.
    return Error(error.kind(), error.code(), std::string(error.what()), error.field());
  } catch (const std::exception& error) {
    return Error(ErrorKind::internal, "http-client-failure", error.what());
  } catch (...) {
    return Error(ErrorKind::internal, "http-client-failure", "unknown failure");
  }
}

// Why an attempt failed, and whether another attempt may help.
struct AttemptFailure {
  std::string reason;
  bool before_sending = false;  // nothing reached the server: safe to retry any method
};

}  // namespace

class Client::Impl {
 public:
  explicit Impl(ClientOptions options)
      : options_(options),
        tls_(make_tls_context(options_.tls_ca_file)),
        work_(asio::make_work_guard(io_)),
        thread_([this] { io_.run(); }) {
    if (options_.registry != nullptr) {
      calls_ = &options_.registry->counter("http_client_requests_total", "Outgoing HTTP calls",
                                           {"host", "method", "status"});
      retries_ = &options_.registry->counter("http_client_retries_total", "Outgoing HTTP retries",
                                             {"host"});
      durations_ = &options_.registry->histogram("http_client_request_duration_seconds",
                                                 "Outgoing HTTP call duration", {"host", "method"});
    }
  }

  ~Impl() {
    work_.reset();
    asio::post(io_, [this] { idle_.clear(); });
    io_.stop();
    thread_.join();
  }

  Response send(ClientRequest request) {
    const auto target = parse_target(request.url, request.connect_to);
    const auto deadline = request.deadline.value_or(Clock::now() + options_.timeout);
    if (const auto* trace = current_trace()) {
      if (!request.headers.contains("traceparent")) {
        request.headers.set("traceparent", TraceContext::child_of(*trace).traceparent());
      }
      if (!request.headers.contains("X-Request-Id") && !trace->request_id.empty()) {
        request.headers.set("X-Request-Id", trace->request_id);
      }
    }
    const auto started = Clock::now();
    std::promise<Outcome> outcome;
    auto arrived = outcome.get_future();
    asio::co_spawn(
        io_, call(request, target, deadline),
        [outcome = std::move(outcome)](std::exception_ptr failure, Response response) mutable {
          outcome.set_value(failure ? to_error(failure) : Outcome(std::move(response)));
        });
    auto result = arrived.get();
    if (auto* error = std::get_if<Error>(&result)) {
      record(target, request.method, "error", started);
      throw *error;
    }
    auto& response = std::get<Response>(result);
    record(target, request.method, std::to_string(response.status), started);
    return std::move(response);
  }

 private:
  void record(const Target& target, Method method, const std::string& status,
              Clock::time_point started) {
    if (calls_ == nullptr) return;
    const std::string method_name(to_string(method));
    calls_->with({target.key(), method_name, status}).increment();
    durations_->with({target.key(), method_name})
        .observe(std::chrono::duration<double>(Clock::now() - started).count());
  }

  asio::awaitable<Response> call(const ClientRequest& request, const Target& target,
                                 Clock::time_point deadline) {
    const bool may_retry = idempotent(request);
    std::string last_failure;
    for (int attempt = 1;; ++attempt) {
      AttemptFailure failure;
      try {
        auto response = co_await attempt_once(request, target, deadline, failure);
        const bool overloaded =
            response.status == 502 || response.status == 503 || response.status == 504;
        if (!overloaded || !may_retry || attempt >= options_.max_attempts) co_return response;
        last_failure = "status " + std::to_string(response.status);
      } catch (const boost::system::system_error& error) {
        last_failure = failure.reason.empty() ? error.code().message()
                                              : failure.reason + ": " + error.code().message();
        const bool retryable = may_retry || failure.before_sending;
        if (!retryable || attempt >= options_.max_attempts) break;
      }
      const auto pause = backoff(attempt);
      if (Clock::now() + pause >= deadline) break;
      if (retries_ != nullptr) retries_->with({target.key()}).increment();
      asio::steady_timer timer(io_, pause);
      co_await timer.async_wait(asio::use_awaitable);
    }
    throw Error(ErrorKind::unavailable, "upstream-unavailable",
                "no answer from " + target.key() + ": " + last_failure);
  }

  std::chrono::milliseconds backoff(int attempt) {
    const auto ceiling = std::min<std::int64_t>(
        options_.backoff_max.count(), options_.backoff_base.count() << std::min(attempt, 10));
    std::uniform_int_distribution<std::int64_t> full_jitter(0, std::max<std::int64_t>(ceiling, 1));
    return std::chrono::milliseconds(full_jitter(random_));
  }

  asio::awaitable<Response> attempt_once(const ClientRequest& request, const Target& target,
                                         Clock::time_point deadline, AttemptFailure& failure) {
    auto [stream, reused] = co_await connection(target, deadline, failure);
    stream->tcp().expires_at(deadline);

    bhttp::request<bhttp::string_body> message{verb_of(request.method), target.path_and_query, 11};
    message.set(bhttp::field::host, target.host);
    for (const auto& [name, value] : request.headers) message.set(name, value);
    message.body() = request.body;
    message.keep_alive(true);
    message.prepare_payload();

    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(options_.max_response_bytes);
    if (request.method == Method::head) parser.skip(true);
    bool written = false;
    try {
      co_await stream->write(message);
      written = true;
      co_await stream->read(buffer, parser);
    } catch (const boost::system::system_error&) {
      // A pooled connection the server closed while idle fails on the write;
      // the request never reached a handler, so a fresh one is safe for any
      // method. After a complete write only idempotent requests are retried.
      failure.before_sending = reused && !written;
      failure.reason = "exchange with " + target.key();
      throw;
    }
    auto reply = parser.release();
    Response response;
    response.status = static_cast<int>(reply.result_int());
    for (const auto& field : reply) response.headers.add(field.name_string(), field.value());
    response.body = std::move(reply.body());
    if (reply.keep_alive()) give_back(target, std::move(stream));
    co_return response;
  }

  asio::awaitable<std::pair<std::unique_ptr<Connection>, bool>> connection(
      const Target& target, Clock::time_point deadline, AttemptFailure& failure) {
    auto& pool = idle_[target.pool_key()];
    if (!pool.empty()) {
      auto stream = std::move(pool.back());
      pool.pop_back();
      co_return std::pair{std::move(stream), true};
    }
    failure.before_sending = true;
    failure.reason = "connect to " + target.key();
    tcp::resolver resolver(io_);
    const auto endpoints = co_await resolver.async_resolve(target.connect_host, target.connect_port,
                                                           asio::use_awaitable);
    auto stream =
        target.tls ? std::make_unique<Connection>(io_, tls_) : std::make_unique<Connection>(io_);
    stream->tcp().expires_at(deadline);
    co_await stream->tcp().async_connect(endpoints, asio::use_awaitable);
    stream->tcp().socket().set_option(tcp::no_delay(true));
    if (auto* secure = stream->tls()) {
      failure.reason = "TLS handshake with " + target.key();
      boost::system::error_code not_an_address;
      asio::ip::make_address(target.host, not_an_address);
      const bool by_address = !not_an_address;
      // SNI carries names only; the certificate must match the name (or
      // the address) the URL gave, whoever was dialled.
      if (!by_address &&
          SSL_set_tlsext_host_name(secure->native_handle(), target.host.c_str()) != 1) {
        throw boost::system::system_error(boost::system::error_code(
            static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()));
      }
      secure->set_verify_callback(ssl::host_name_verification(target.host));
      co_await secure->async_handshake(ssl::stream_base::client, asio::use_awaitable);
    }
    failure.before_sending = false;
    failure.reason.clear();
    co_return std::pair{std::move(stream), false};
  }

  void give_back(const Target& target, std::unique_ptr<Connection> stream) {
    auto& pool = idle_[target.pool_key()];
    if (pool.size() < options_.max_idle_connections_per_endpoint) pool.push_back(std::move(stream));
  }

  ClientOptions options_;
  ssl::context tls_;
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  // Touched only on the client's I/O thread.
  std::map<std::string, std::vector<std::unique_ptr<Connection>>> idle_;
  std::minstd_rand random_{std::random_device{}()};
  metrics::Family<metrics::Counter>* calls_ = nullptr;
  metrics::Family<metrics::Counter>* retries_ = nullptr;
  metrics::Family<metrics::Histogram>* durations_ = nullptr;
  std::thread thread_;
};

Client::Client(ClientOptions options) : impl_(std::make_unique<Impl>(options)) {}
Client::~Client() = default;

Response Client::send(ClientRequest request) { return impl_->send(std::move(request)); }

Response Client::get(std::string url, Headers headers) {
  return send({Method::get, std::move(url), std::move(headers), {}, std::nullopt});
}

Response Client::post_json(std::string url, std::string body, Headers headers) {
  headers.set("Content-Type", "application/json");
  return send(
      {Method::post, std::move(url), std::move(headers), std::move(body), std::nullopt, {}});
}

}  // namespace platform::http
