#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "platform/http/router.h"
#include "platform/metrics.h"

namespace platform::http {

struct ServerOptions {
  std::string service = "service";  // names logs and metrics
  std::string address = "127.0.0.1";
  int port = 0;  // 0: any free port (see Server::port())
  int io_threads = 1;
  int worker_threads = 4;  // run handlers that may block
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 << 10;
  std::chrono::milliseconds read_timeout{15000};     // whole request, once it starts
  std::chrono::milliseconds idle_timeout{60000};     // keep-alive between requests
  std::chrono::milliseconds request_timeout{15000};  // handler deadline given to Request
  bool access_log = true;
  // Origins allowed to call from a browser ("*" for any); empty: no CORS.
  std::vector<std::string> cors_allowed_origins;
};

// HTTP/1.1 server with keep-alive on Boost.Beast and C++20 coroutines. Every
// request passes the same middleware: request id, W3C trace context, CORS,
// body and header limits, timeouts, per-route metrics, access log, and the
// mapping of exceptions to RFC 9457 problems. Asio stays behind this header.
class Server {
 public:
  Server(ServerOptions options, Router router, metrics::Registry& registry);
  ~Server();  // stops (without drain) if still running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving on background threads; throws if it cannot bind.
  void start();
  // The bound port, after start().
  int port() const;
  // Stops accepting, lets requests in flight finish (answering them with
  // Connection: close), closes idle connections, and returns once all are done
  // or `drain` has passed.
  void stop(std::chrono::milliseconds drain = std::chrono::seconds(10));

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Blocks SIGTERM, SIGINT and SIGPIPE in the calling thread (call it first in
// main, before any thread starts, so every thread inherits the mask) and
// returns a waiter for the shutdown signals.
class ShutdownSignals {
 public:
  ShutdownSignals();
  // Blocks until SIGTERM or SIGINT arrives; returns its name.
  const char* wait();
};

// Starts `server`, logs where it listens, blocks until SIGTERM or SIGINT, then
// drains it: what every service's main() does.
void serve_until_shutdown(Server& server, ShutdownSignals& signals);

}  // namespace platform::http
