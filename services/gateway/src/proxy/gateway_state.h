#pragma once

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/gateway_config.h"
#include "domain/rate_limiter.h"
#include "domain/route_table.h"
#include "platform/auth/token_verifier.h"
#include "platform/metrics.h"
#include "proxy/upstream.h"
#include "web/static_site.h"

namespace gateway {

// What every I/O thread shares. Built before the threads start and not
// changed afterwards, except through members that are thread-safe
// themselves (upstreams, limiters, metrics, the draining flag).
struct GatewayState {
  GatewayState(GatewayConfig gateway_config, platform::metrics::Registry& registry,
               std::shared_ptr<const platform::auth::TokenVerifier> token_verifier);

  GatewayConfig config;
  RouteTable routes;
  std::map<std::string, std::unique_ptr<Upstream>, std::less<>> upstreams;
  std::vector<Upstream*> upstream_of_route;  // parallel to routes.routes()
  RateLimiter per_client;
  RateLimiter per_user;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier;
  std::unique_ptr<StaticSite> web;

  platform::metrics::Registry& registry;
  platform::metrics::Family<platform::metrics::Counter>& requests;
  std::vector<platform::metrics::Histogram*>
      route_durations;  // parallel to routes, then static, then unmatched
  std::atomic<bool> draining{false};

  Upstream& upstream_for(const Route& route);
  // "/api/catalog", "static" or "unmatched": the route label of metrics.
  std::size_t route_index(const Route* route) const;
  std::size_t static_route_index() const { return labels_.size() - 2; }
  // gateway_requests_total{route, status}, found without building labels on
  // every request.
  platform::metrics::Counter& request_counter(std::size_t route_index, int status);
  const std::string& route_label(std::size_t index) const;

 private:
  std::vector<std::string> labels_;
  // Per route, a counter per status code, filled in as codes are first seen.
  std::vector<std::array<std::atomic<platform::metrics::Counter*>, 600>> counters_;
};

}  // namespace gateway
