#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "platform/http/message.h"
#include "platform/metrics.h"

namespace platform::http {

struct ClientOptions {
  std::size_t max_idle_connections_per_endpoint = 32;
  std::chrono::milliseconds timeout{10000};  // per call, when the request sets no deadline
  int max_attempts = 3;                      // idempotent requests only
  std::chrono::milliseconds backoff_base{25};
  std::chrono::milliseconds backoff_max{1000};
  std::size_t max_response_bytes = 8 << 20;
  metrics::Registry* registry = nullptr;  // counts calls, retries and latency when set
  // Certificates (PEM) trusted for https URLs; empty: the system's store.
  // Peers are always verified, names included.
  std::string tls_ca_file{};
};

struct ClientRequest {
  Method method = Method::get;
  std::string url;  // http(s)://host:port/path?query
  Headers headers;
  std::string body;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // "host:port" to dial instead of the URL's, which still names the peer in
  // Host and TLS (curl's --connect-to): virtual-host names no resolver knows.
  std::string connect_to{};
};

// Blocking HTTP/1.1 client for service-to-service calls from handler threads,
// plain or over TLS (OpenSSL, peer and name verified): keep-alive
// connections pooled per host and port, a deadline per call,
// retries with jittered exponential backoff for idempotent requests (GET,
// HEAD, PUT, DELETE, OPTIONS, or anything carrying an Idempotency-Key) on
// connection failures and 502/503/504, and the caller's trace continued in
// `traceparent`. Answers any HTTP status as a Response; throws
// Error(unavailable, "upstream-unavailable") when no answer came in time.
class Client {
 public:
  explicit Client(ClientOptions options = {});
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  Response send(ClientRequest request);
  Response get(std::string url, Headers headers = {});
  Response post_json(std::string url, std::string body, Headers headers = {});

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace platform::http
