#include "service_hosts.h"

void ServiceHosts::host(const std::string& name, platform::http::Router routes, int port,
                        std::size_t max_body_bytes) {
  platform::http::ServerOptions options;
  options.service = name;
  options.port = port;
  options.io_threads = 1;      // the gateway's threads carry the connections from outside
  options.access_log = false;  // the gateway logs every request once
  options.max_body_bytes = max_body_bytes;
  auto& server = servers_.emplace_back(
      std::make_unique<platform::http::Server>(options, std::move(routes), registry_));
  server->start();
  ports_[name] = server->port();

  gateway::UpstreamConfig upstream;
  upstream.name = name;
  upstream.discovery = gateway::StaticEndpoints{{"127.0.0.1:" + std::to_string(server->port())}};
  config_.upstreams.push_back(std::move(upstream));
}

std::string ServiceHosts::url_of(const std::string& name) const {
  return "http://127.0.0.1:" + std::to_string(ports_.at(name));
}

void ServiceHosts::add(const std::string& name, platform::http::Router routes,
                       gateway::EdgeAuth auth, int port, std::size_t max_body_bytes) {
  host(name, std::move(routes), port, max_body_bytes);
  gateway::Route route;
  route.prefix = "/api/" + name;
  route.upstream = name;
  route.auth = auth;
  route.max_body_bytes = max_body_bytes;
  config_.routes.push_back(std::move(route));
}

void ServiceHosts::add_root(platform::http::Router routes) {
  host("shop", std::move(routes), 0, 1 << 20);
  config_.upstreams.back().health.enabled = false;  // it has no /readyz: it has no dependencies
  gateway::Route route;
  route.prefix = "/";
  route.upstream = "shop";
  route.auth = gateway::EdgeAuth::none;
  config_.routes.push_back(std::move(route));
}

gateway::GatewayConfig ServiceHosts::gateway_config() const { return config_; }

void ServiceHosts::stop() {
  for (auto& server : servers_) server->stop(std::chrono::seconds(5));
  servers_.clear();
}
