#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gateway {

// What the edge checks of a caller's bearer token before proxying. The
// services check their own rules again; the edge's job is to refuse early
// and to know who a caller is for per-user rate limits.
enum class EdgeAuth {
  none,      // not looked at
  optional,  // verified when present (an invalid one is 401), anonymous otherwise
  required,  // 401 without a valid token
};

std::optional<EdgeAuth> edge_auth_named(std::string_view name);

struct Route {
  std::string prefix;       // "/api/catalog": matches itself and what is below it
  std::string upstream;     // the upstream's name
  std::string replacement;  // what replaces the prefix upstream ("" strips it)
  EdgeAuth auth = EdgeAuth::optional;
  std::size_t max_body_bytes = 1 << 20;
};

// Routes by longest prefix, on segment boundaries: "/api/catalog" matches
// "/api/catalog" and "/api/catalog/v1/products" but not "/api/catalogue".
class RouteTable {
 public:
  void add(Route route);
  const Route* match(std::string_view path) const;
  const std::vector<Route>& routes() const noexcept { return routes_; }

 private:
  std::vector<Route> routes_;  // longest prefix first
};

// The target to send upstream: `target` (path and query) with the route's
// prefix replaced.
std::string upstream_target(const Route& route, std::string_view target);

}  // namespace gateway
