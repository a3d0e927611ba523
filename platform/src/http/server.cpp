#include "platform/http/server.h"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

#include "http/beast_conversion.h"
#include "http/middleware.h"
#include "http/run_on.h"
#include "platform/error.h"
#include "platform/log.h"

namespace platform::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

class Server::Impl {
 public:
  Impl(ServerOptions options, Router router, metrics::Registry& registry)
      : options_(std::move(options)),
        router_(std::move(router)),
        middleware_(options_, router_, registry),
        io_(options_.io_threads),
        workers_(static_cast<std::size_t>(options_.worker_threads)),
        acceptor_(io_) {
    // The parser checks Content-Length against its limit while reading the
    // header, before the route is known: start from the largest any route
    // allows and narrow it once the route is matched.
    largest_body_ = options_.max_body_bytes;
    for (const auto& route : router_.routes()) {
      if (!route->options.max_body_bytes) continue;
      largest_body_ = std::max(largest_body_, *route->options.max_body_bytes);
      routes_have_limits_ = true;
    }
  }

  ~Impl() { stop(std::chrono::milliseconds(0)); }

  void start() {
    const auto address = asio::ip::make_address(options_.address);
    tcp::endpoint endpoint{address, static_cast<unsigned short>(options_.port)};
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
    asio::co_spawn(io_, accept_loop(), asio::detached);
    for (int i = 0; i < options_.io_threads; ++i) {
      threads_.emplace_back([this] { io_.run(); });
    }
    log::info("listening", {{"address", options_.address}, {"port", port_}});
  }

  int port() const { return port_; }

  void stop(std::chrono::milliseconds drain) {
    if (stopped_.exchange(true)) return;
    draining_ = true;
    asio::post(io_, [this] {
      boost::system::error_code ignored;  // closing an already closed acceptor is fine
      acceptor_.close(ignored);
    });
    close_idle_connections();
    {
      std::unique_lock lock(connections_mutex_);
      connections_changed_.wait_for(lock, drain, [this] { return connections_.empty(); });
    }
    io_.stop();
    for (auto& thread : threads_) thread.join();
    threads_.clear();
    workers_.join();
  }

 private:
  struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    std::atomic<bool> idle{true};
  };

  asio::awaitable<void> accept_loop() {
    while (!draining_) {
      auto [error, socket] = co_await acceptor_.async_accept(asio::make_strand(io_),
                                                             asio::as_tuple(asio::use_awaitable));
      if (error) {
        if (error == asio::error::operation_aborted || draining_) co_return;
        // Out of file descriptors, most likely: pause instead of spinning, and
        // let connections finish so that descriptors come back.
        log::warn("accept failed", {{"error", error.message()}});
        asio::steady_timer pause(io_, std::chrono::milliseconds(50));
        co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
        continue;
      }
      boost::system::error_code option_error;  // a peer that already left fails later, on read
      socket.set_option(tcp::no_delay(true), option_error);
      auto connection = std::make_shared<Connection>(std::move(socket));
      std::list<std::weak_ptr<Connection>>::iterator position;
      {
        std::lock_guard lock(connections_mutex_);
        position = connections_.insert(connections_.end(), connection);
      }
      auto executor = connection->stream.get_executor();
      asio::co_spawn(executor, serve(connection), [this, position](std::exception_ptr failure) {
        if (failure) {
          try {
            std::rethrow_exception(failure);
          } catch (const std::exception& exception) {
            log::error("connection failed", {{"error", exception.what()}});
          } catch (...) {
            log::error("connection failed", {{"error", "unknown exception"}});
          }
        }
        std::lock_guard lock(connections_mutex_);
        connections_.erase(position);
        connections_changed_.notify_all();
      });
    }
  }

  void close_idle_connections() {
    std::lock_guard lock(connections_mutex_);
    for (auto& weak : connections_) {
      if (auto connection = weak.lock(); connection && connection->idle) {
        asio::post(connection->stream.get_executor(), [connection] {
          // An idle connection waits for a next request that will not be served.
          connection->stream.socket().cancel();
        });
      }
    }
  }

  asio::awaitable<void> serve(std::shared_ptr<Connection> connection) {
    auto& stream = connection->stream;
    beast::flat_buffer buffer;
    const auto remote = [&] {
      boost::system::error_code error;
      auto endpoint = stream.socket().remote_endpoint(error);
      return error ? std::string()
                   : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
    }();

    while (!draining_) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.body_limit(largest_body_);
      parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));

      connection->idle = true;
      stream.expires_after(options_.idle_timeout);
      auto [header_error, header_bytes] = co_await bhttp::async_read_header(
          stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      connection->idle = false;
      (void)header_bytes;
      if (header_error) {
        // A Content-Length beyond every limit fails here, with the header parsed.
        const auto limit = header_error == bhttp::error::body_limit ? body_limit_for(parser.get())
                                                                    : options_.max_body_bytes;
        co_await reject_unreadable(stream, header_error, limit);
        co_return;
      }
      const auto body_limit = body_limit_for(parser.get());
      if (const auto length = parser.content_length(); length && *length > body_limit) {
        co_await reject_unreadable(stream, bhttp::error::body_limit, body_limit);
        co_return;
      }
      parser.body_limit(body_limit);
      const auto started = std::chrono::steady_clock::now();
      stream.expires_after(options_.read_timeout);
      if (parser.get()[bhttp::field::expect] == "100-continue") {
        bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
        auto [continue_error, continue_bytes] =
            co_await bhttp::async_write(stream, proceed, asio::as_tuple(asio::use_awaitable));
        (void)continue_bytes;
        if (continue_error) co_return;
      }
      auto [body_error, body_bytes] =
          co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      (void)body_bytes;
      if (body_error) {
        co_await reject_unreadable(stream, body_error, body_limit);
        co_return;
      }

      auto message = parser.release();
      const bool head = message.method() == bhttp::verb::head;
      const unsigned version = message.version();
      const bool keep_alive = message.keep_alive();

      Request request = to_request(std::move(message), remote);
      request.deadline = started + options_.request_timeout;

      auto prepared = middleware_.prepare(request);
      Response response;
      if (prepared.runs_inline) {
        response = middleware_.respond(request, prepared);
      } else if (auto fast = middleware_.respond_fast(request, prepared)) {
        response = std::move(*fast);
      } else {
        response = co_await run_on(
            workers_, [&] { return middleware_.respond(request, prepared); }, asio::use_awaitable);
      }
      middleware_.finish(request, prepared, response, started);

      const bool reuse = keep_alive && !draining_;
      auto reply = to_beast(std::move(response), version, reuse, head);
      stream.expires_after(options_.read_timeout);
      auto [write_error, written] =
          co_await bhttp::async_write(stream, reply, asio::as_tuple(asio::use_awaitable));
      (void)written;
      if (write_error || !reuse) break;
    }
    boost::system::error_code ignored;  // the peer may already be gone; nothing to do then
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // Answers a request that could not be read (too large, malformed) with a
  // problem before closing, so that clients learn why; plain disconnects and
  // timeouts just close.
  asio::awaitable<void> reject_unreadable(beast::tcp_stream& stream,
                                          const boost::system::error_code& error,
                                          std::size_t body_limit) {
    Response response;
    if (error == bhttp::error::body_limit) {
      response = middleware_.problem_response(
          413, "body-too-large", "request body exceeds " + std::to_string(body_limit) + " bytes");
    } else if (error == bhttp::error::header_limit) {
      response = middleware_.problem_response(
          431, "headers-too-large",
          "request headers exceed " + std::to_string(options_.max_header_bytes) + " bytes");
    } else if (error.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
               error != bhttp::error::end_of_stream && error != bhttp::error::partial_message) {
      response = middleware_.problem_response(400, "malformed-request",
                                              "malformed HTTP request: " + error.message());
    } else {
      co_return;
    }
    auto reply = to_beast(std::move(response), 11, false, false);
    stream.expires_after(std::chrono::seconds(5));
    auto [write_error, written] =
        co_await bhttp::async_write(stream, reply, asio::as_tuple(asio::use_awaitable));
    (void)write_error;  // best effort: the connection closes either way
    (void)written;
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // The route's own body limit, or the server's.
  std::size_t body_limit_for(const bhttp::request<bhttp::string_body>& header) const {
    // Most services have no route of their own size: skip the extra match.
    // (A route's limit may be smaller than the server's, as well as larger.)
    if (!routes_have_limits_) return options_.max_body_bytes;
    const auto target = std::string_view(header.target());
    const auto match =
        router_.match(method_of(header.method()), target.substr(0, target.find('?')));
    if (match.route != nullptr && match.route->options.max_body_bytes) {
      return *match.route->options.max_body_bytes;
    }
    return options_.max_body_bytes;
  }

  ServerOptions options_;
  Router router_;
  std::size_t largest_body_ = 0;
  bool routes_have_limits_ = false;  // some route sets a body limit of its own
  Middleware middleware_;
  asio::io_context io_;
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  int port_ = 0;
  std::atomic<bool> draining_{false};
  std::atomic<bool> stopped_{false};
  std::mutex connections_mutex_;
  std::condition_variable connections_changed_;
  std::list<std::weak_ptr<Connection>> connections_;
};

Server::Server(ServerOptions options, Router router, metrics::Registry& registry)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router), registry)) {}

Server::~Server() = default;

void Server::start() { impl_->start(); }
int Server::port() const { return impl_->port(); }
void Server::stop(std::chrono::milliseconds drain) { impl_->stop(drain); }

}  // namespace platform::http
