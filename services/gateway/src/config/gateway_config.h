#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/balancing.h"
#include "domain/circuit_breaker.h"
#include "domain/outlier_detection.h"
#include "domain/rate_limiter.h"
#include "domain/route_table.h"

namespace gateway {

// Where an upstream's instances are found.
struct StaticEndpoints {
  std::vector<std::string> endpoints;  // "host:port"
};
struct DnsName {
  std::string host;  // "catalog" (docker-compose), "catalog.shop.svc.cluster.local" (headless)
  std::uint16_t port = 0;
  std::string server;                // "ip:port"; empty: the first nameserver of /etc/resolv.conf
  std::chrono::seconds min_ttl{1};   // answers are re-resolved after their TTL,
  std::chrono::seconds max_ttl{30};  // kept within these bounds
};
struct WatchedFile {
  std::string path;  // a JSON array of "host:port", reread when it changes
};
using DiscoverySource = std::variant<StaticEndpoints, DnsName, WatchedFile>;

struct HealthCheck {
  bool enabled = true;
  std::string path = "/readyz";
  std::chrono::milliseconds interval{2000};
  std::chrono::milliseconds timeout{1000};
  int unhealthy_after = 2;  // failed checks in a row
  int healthy_after = 1;    // passed checks in a row
};

struct UpstreamConfig {
  std::string name;
  DiscoverySource discovery;
  Balancing balancing = Balancing::least_outstanding;
  HealthCheck health;
  OutlierPolicy outlier;
  BreakerPolicy breaker;
  std::chrono::milliseconds connect_timeout{1000};
  std::chrono::milliseconds response_timeout{15000};  // until the response header
  // Idempotent requests that fail before an answer are tried again on
  // another instance, as long as the whole takes no more than the budget.
  int attempts = 2;
  std::chrono::milliseconds retry_budget{3000};
  // Requests in flight to one instance at most; an instance at its limit is
  // passed over like an unhealthy one.
  std::size_t max_connections_per_instance = 256;
  std::size_t max_idle_per_instance = 64;  // kept-alive connections, per I/O thread
};

struct GatewayConfig {
  std::vector<UpstreamConfig> upstreams;
  std::vector<Route> routes;
  RateLimit per_client{100, 200};
  RateLimit per_user{50, 100};
  bool rate_limits = true;
  std::vector<std::string> cors_allowed_origins;
  // Peers (an outer load balancer) whose X-Forwarded-For is believed.
  std::vector<std::string> trusted_proxies;
  std::string web_root;  // the built web app; empty: none
  bool access_log = true;
  std::size_t max_header_bytes = 16 << 10;
  std::chrono::milliseconds header_timeout{15000};
  std::chrono::milliseconds idle_timeout{60000};
  std::chrono::milliseconds body_timeout{60000};
};

// Reads a gateway configuration document (JSON; see
// services/gateway/README.md). Throws platform::Error(invalid_argument)
// naming the offending field.
GatewayConfig parse_gateway_config(std::string_view json);

// Whether any route looks at tokens, and so needs the issuer's keys.
bool checks_tokens(const GatewayConfig& config);

// "host:port" -> host and port; nullopt when malformed.
std::optional<std::pair<std::string, std::uint16_t>> split_host_port(std::string_view text);

}  // namespace gateway
