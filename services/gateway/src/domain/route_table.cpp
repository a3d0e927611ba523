#include "domain/route_table.h"

#include <algorithm>

namespace gateway {

std::optional<EdgeAuth> edge_auth_named(std::string_view name) {
  if (name == "none") return EdgeAuth::none;
  if (name == "optional") return EdgeAuth::optional;
  if (name == "required") return EdgeAuth::required;
  return std::nullopt;
}

void RouteTable::add(Route route) {
  while (route.prefix.size() > 1 && route.prefix.back() == '/') route.prefix.pop_back();
  const auto position = std::find_if(routes_.begin(), routes_.end(), [&](const Route& existing) {
    return existing.prefix.size() < route.prefix.size();
  });
  routes_.insert(position, std::move(route));
}

const Route* RouteTable::match(std::string_view path) const {
  for (const auto& route : routes_) {
    if (!path.starts_with(route.prefix)) continue;
    const bool boundary = path.size() == route.prefix.size() || route.prefix == "/" ||
                          path[route.prefix.size()] == '/' || path[route.prefix.size()] == '?';
    if (boundary) return &route;
  }
  return nullptr;
}

std::string upstream_target(const Route& route, std::string_view target) {
  auto rest = target.substr(std::min(route.prefix.size(), target.size()));
  std::string rewritten = route.replacement;
  rewritten.append(rest);
  if (rewritten.empty() || rewritten.front() != '/') rewritten.insert(rewritten.begin(), '/');
  return rewritten;
}

}  // namespace gateway
