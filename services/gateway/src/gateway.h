#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "config/gateway_config.h"
#include "platform/auth/token_verifier.h"
#include "platform/metrics.h"

namespace gateway {

struct ListenOptions {
  std::string address = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Gateway::port())
  int io_threads = 2;
};

// The API gateway: the single entry point of the platform. Routes by path
// prefix to upstreams whose instances come from discovery, balances over
// the healthy ones, retries and ejects, and checks at the edge (rate limits,
// tokens, sizes, CORS). Serves the web app and its own /healthz, /readyz and
// /metrics. Asio stays behind this header.
class Gateway {
 public:
  // `verifier` may be null when no route checks tokens.
  Gateway(GatewayConfig config, ListenOptions listen, platform::metrics::Registry& registry,
          std::shared_ptr<const platform::auth::TokenVerifier> verifier);
  ~Gateway();
  Gateway(const Gateway&) = delete;
  Gateway& operator=(const Gateway&) = delete;

  // Binds, starts discovery and health checks, and serves on background threads.
  void start();
  int port() const;
  // Stops accepting, lets requests in flight finish (Connection: close),
  // closes idle connections, and returns when all are done or `drain` passed.
  void stop(std::chrono::milliseconds drain = std::chrono::seconds(10));

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gateway
