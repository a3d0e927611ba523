#include "proxy/gateway_state.h"

#include <algorithm>
#include <stdexcept>

namespace gateway {

GatewayState::GatewayState(GatewayConfig gateway_config,
                           platform::metrics::Registry& metrics_registry,
                           std::shared_ptr<const platform::auth::TokenVerifier> token_verifier)
    : config(std::move(gateway_config)),
      per_client(config.per_client),
      per_user(config.per_user),
      verifier(std::move(token_verifier)),
      registry(metrics_registry),
      requests(metrics_registry.counter("gateway_requests_total",
                                        "Requests answered, by route and status",
                                        {"route", "status"})) {
  for (const auto& upstream : config.upstreams) {
    upstreams.emplace(upstream.name, std::make_unique<Upstream>(upstream, metrics_registry));
  }
  for (const auto& route : config.routes) {
    if (!upstreams.contains(route.upstream)) {
      throw std::invalid_argument("route " + route.prefix + " names unknown upstream " +
                                  route.upstream);
    }
    if (route.auth != EdgeAuth::none && !verifier) {
      throw std::invalid_argument("route " + route.prefix +
                                  " checks tokens but there is no verifier");
    }
    routes.add(route);
  }
  for (const auto& route : routes.routes()) {
    upstream_of_route.push_back(upstreams.at(route.upstream).get());
    labels_.push_back(route.prefix);
  }
  labels_.emplace_back("static");
  labels_.emplace_back("unmatched");
  auto& durations =
      metrics_registry.histogram("gateway_request_duration_seconds",
                                 "Time from request header to the end of the response", {"route"});
  for (const auto& label : labels_) route_durations.push_back(&durations.with({label}));
  counters_ =
      std::vector<std::array<std::atomic<platform::metrics::Counter*>, 600>>(labels_.size());
  if (!config.web_root.empty()) web = std::make_unique<StaticSite>(config.web_root);
}

Upstream& GatewayState::upstream_for(const Route& route) {
  return *upstream_of_route[route_index(&route)];
}

std::size_t GatewayState::route_index(const Route* route) const {
  if (route == nullptr) return labels_.size() - 1;
  return static_cast<std::size_t>(route - routes.routes().data());
}

const std::string& GatewayState::route_label(std::size_t index) const { return labels_[index]; }

platform::metrics::Counter& GatewayState::request_counter(std::size_t route_index, int status) {
  const auto code = static_cast<std::size_t>(std::clamp(status, 0, 599));
  auto& slot = counters_[route_index][code];
  if (auto* counter = slot.load(std::memory_order_acquire)) return *counter;
  // Racing threads get the same child from the family; either store is fine.
  auto* counter = &requests.with({labels_[route_index], std::to_string(status)});
  slot.store(counter, std::memory_order_release);
  return *counter;
}

}  // namespace gateway
