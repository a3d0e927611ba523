// The API gateway as its own process: the entry point of the distributed
// shop. Routes and upstreams come from GATEWAY_CONFIG_FILE (JSON, see
// README.md); without one, the services on their default local ports.
#include <optional>

#include "config/gateway_config.h"
#include "gateway.h"
#include "platform/config.h"
#include "platform/files.h"
#include "platform/http/authorization.h"
#include "platform/http/server.h"
#include "platform/log.h"
#include "refreshed_keys.h"

namespace {

// The services started by hand on one machine, each on its default port.
constexpr const char* kLocalServices = R"({
  "upstreams": [
    {"name": "auth", "static": ["127.0.0.1:8082"]},
    {"name": "catalog", "static": ["127.0.0.1:8081"]},
    {"name": "customers", "static": ["127.0.0.1:8083"]},
    {"name": "orders", "static": ["127.0.0.1:8084"]},
    {"name": "payments", "static": ["127.0.0.1:8085"]},
    {"name": "cart", "static": ["127.0.0.1:8086"]},
    {"name": "search", "static": ["127.0.0.1:8087"]}
  ],
  "routes": [
    {"prefix": "/api/auth", "upstream": "auth", "auth": "none"},
    {"prefix": "/api/catalog", "upstream": "catalog", "max_body_bytes": 67108864},
    {"prefix": "/api/customers", "upstream": "customers"},
    {"prefix": "/api/orders", "upstream": "orders", "auth": "required"},
    {"prefix": "/api/payments", "upstream": "payments", "auth": "required"},
    {"prefix": "/api/cart", "upstream": "cart"},
    {"prefix": "/api/search", "upstream": "search"}
  ]
})";

}  // namespace

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "gateway",
                          "The API gateway: routing, load balancing, discovery, edge security.");
  gateway::ListenOptions listen;
  listen.address = config.text("GATEWAY_ADDRESS", listen.address, "address to listen on");
  listen.port = static_cast<int>(
      config.integer("GATEWAY_PORT", listen.port, "TCP port to listen on", 0, 65535));
  listen.io_threads = static_cast<int>(config.integer("GATEWAY_IO_THREADS", listen.io_threads,
                                                      "I/O threads (one per core)", 1, 256));
  const auto config_file = config.text("GATEWAY_CONFIG_FILE", "",
                                       "routes and upstreams (JSON); empty: the services on "
                                       "their default ports on this machine");
  const auto web_root =
      config.text("GATEWAY_WEB_ROOT", "", "the built web app to serve (overrides the file's)");
  const auto access_log = config.flag("GATEWAY_ACCESS_LOG", true, "log every request");
  const auto verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  const auto drain = config.milliseconds("GATEWAY_DRAIN_MS", std::chrono::milliseconds(10000),
                                         "how long requests in flight may finish on SIGTERM");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("gateway");
  platform::log::set_level(log_level);

  try {
    auto gateway_config = gateway::parse_gateway_config(
        config_file.empty() ? kLocalServices : platform::read_file(config_file));
    if (!web_root.empty()) gateway_config.web_root = web_root;
    gateway_config.access_log = access_log;
    // Keys are fetched only when some route looks at tokens: a gateway in
    // front of public services alone has no issuer to ask.
    std::optional<gateway::RefreshedKeys> keys;
    std::shared_ptr<const platform::auth::TokenVerifier> verifier;
    if (gateway::checks_tokens(gateway_config)) {
      keys.emplace(verification.jwks_url);
      verifier = std::make_shared<const platform::auth::TokenVerifier>(verification.options,
                                                                       keys->key_source());
    }
    platform::metrics::Registry registry;
    gateway::Gateway gateway(std::move(gateway_config), listen, registry, verifier);
    gateway.start();
    const char* signal = signals.wait();
    platform::log::info("shutting down", {{"signal", signal}});
    gateway.stop(drain);
  } catch (const std::exception& exception) {
    platform::log::error("gateway failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
