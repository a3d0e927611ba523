#include "platform/http/router.h"

#include <stdexcept>

#include "platform/error.h"

namespace platform::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> parameter;
  std::string parameter_name;
  std::map<Method, const Route*> routes;
};

namespace {

// Splits "/a/b/c" into segments; an empty path or "/" has none. A trailing
// slash is significant: "/v1/products/" is not "/v1/products".
template <class Visit>
bool for_each_segment(std::string_view path, Visit&& visit) {
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  if (path.empty()) return true;
  while (true) {
    const auto slash = path.find('/');
    if (!visit(path.substr(0, slash))) return false;
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes of one path segment; a malformed escape is kept as is,
// which then simply fails to match any id or slug.
std::string percent_decode(std::string_view segment) {
  std::string decoded;
  decoded.reserve(segment.size());
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '%' && i + 2 < segment.size()) {
      const int high = hex_value(segment[i + 1]);
      const int low = hex_value(segment[i + 2]);
      if (high >= 0 && low >= 0) {
        decoded += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    decoded += segment[i];
  }
  return decoded;
}

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::use_token_verifier(std::shared_ptr<const auth::TokenVerifier> verifier) {
  verifier_ = std::move(verifier);
}

void Router::add(Method method, std::string_view pattern, Handler handler, RouteOptions options) {
  const std::string name = std::string(to_string(method)) + " " + std::string(pattern);
  const bool verifies = options.access.token_required || options.access.token_optional;
  if (verifies && !verifier_) {
    throw std::logic_error(name + " verifies tokens but the router has no token verifier");
  }
  if (options.fast_path && verifies) {
    throw std::logic_error(name + " has a fast path, which would skip its access check");
  }
  auto verifier = verifies ? verifier_ : nullptr;
  insert(Route{method, std::string(pattern), std::move(handler), std::move(options),
               std::move(verifier)});
}

void Router::insert(Route route) {
  const std::string_view pattern = route.pattern;
  const Method method = route.method;
  Node* node = root_.get();
  const bool valid = for_each_segment(pattern, [&](std::string_view segment) {
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      const auto name = segment.substr(1, segment.size() - 2);
      if (!node->parameter) {
        node->parameter = std::make_unique<Node>();
        node->parameter_name = std::string(name);
      } else if (node->parameter_name != name) {
        throw Error(ErrorKind::internal, "route-conflict",
                    "parameter {" + std::string(name) + "} conflicts with {" +
                        node->parameter_name + "} in " + std::string(pattern));
      }
      node = node->parameter.get();
    } else {
      auto& child = node->literals[std::string(segment)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
    return true;
  });
  if (!valid)
    throw Error(ErrorKind::internal, "bad-route",
                "route must start with /: " + std::string(pattern));
  if (node->routes.contains(method)) {
    throw Error(ErrorKind::internal, "route-conflict",
                "duplicate route " + std::string(to_string(method)) + " " + std::string(pattern));
  }
  auto& stored = routes_.emplace_back(std::make_unique<Route>(std::move(route)));
  node->routes[method] = stored.get();
}

void Router::mount(std::string_view prefix, const Router& other) {
  for (const auto& route : other.routes_) {
    Route copy = *route;
    copy.pattern = std::string(prefix) + route->pattern;
    insert(std::move(copy));
  }
}

Router::Match Router::match(Method method, std::string_view path) const {
  Match result;
  const Node* node = root_.get();
  const bool found = for_each_segment(path, [&](std::string_view segment) {
    if (auto literal = node->literals.find(segment); literal != node->literals.end()) {
      node = literal->second.get();
      return true;
    }
    if (node->parameter && !segment.empty()) {
      result.parameters.emplace_back(node->parameter_name, percent_decode(segment));
      node = node->parameter.get();
      return true;
    }
    return false;
  });
  if (!found || node->routes.empty()) {
    result.parameters.clear();
    return result;
  }
  result.path_exists = true;
  for (const auto& [allowed, route] : node->routes) result.allowed.push_back(allowed);
  const auto lookup = method == Method::head ? Method::get : method;
  if (auto route = node->routes.find(lookup); route != node->routes.end()) {
    result.route = route->second;
  }
  return result;
}

}  // namespace platform::http
