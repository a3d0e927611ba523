#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/gateway_config.h"
#include "platform/http/server.h"

// The services of the embedded shop, each served on a loopback port of its
// own, and the gateway configuration that routes /api/<name> to them.
class ServiceHosts {
 public:
  explicit ServiceHosts(platform::metrics::Registry& registry) : registry_(registry) {}
  ~ServiceHosts() { stop(); }

  // Serves `routes` on 127.0.0.1:`port` (0: any free port) as upstream
  // `name`, routed from /api/<name> with the edge's token check `auth`.
  void add(const std::string& name, platform::http::Router routes, gateway::EdgeAuth auth, int port,
           std::size_t max_body_bytes = 1 << 20);
  // Serves `routes` for every path no service claims.
  void add_root(platform::http::Router routes);
  gateway::GatewayConfig gateway_config() const;
  // http://127.0.0.1:<port> of service `name`, for services that call it.
  std::string url_of(const std::string& name) const;
  void stop();

 private:
  void host(const std::string& name, platform::http::Router routes, int port,
            std::size_t max_body_bytes);

  platform::metrics::Registry& registry_;
  std::vector<std::unique_ptr<platform::http::Server>> servers_;
  std::map<std::string, int> ports_;
  gateway::GatewayConfig config_;
};
