#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/message.h"

namespace platform::auth {
class TokenVerifier;
}

namespace platform::http {

using Handler = std::function<Response(Request&)>;

// Who may call a route, checked before its handler runs against the bearer
// token in Authorization (RFC 6750). A missing or invalid token is 401, a
// valid one without the role or scope 403; the verified caller is then in
// Request::caller. Routes require a token unless they say otherwise.
struct Access {
  bool token_required = true;
  // No token needed, but one that is sent is verified and checked like a
  // required one: routes serving guests and signed-in users alike (the cart).
  bool token_optional = false;
  bool users_only = false;          // refuse client-credentials (service) tokens
  std::vector<std::string> roles;   // a user with one of these roles...
  std::vector<std::string> scopes;  // ...or a token with one of these scopes
  // Empty roles and scopes: any valid token.

  static Access anyone() {
    Access access;
    access.token_required = false;
    return access;
  }
  static Access signed_in() { return {}; }
  // A guest, or a user whose token is then verified (never a service).
  static Access guest_or_user() {
    Access access;
    access.token_required = false;
    access.token_optional = true;
    access.users_only = true;
    return access;
  }
  static Access user() {
    Access access;
    access.users_only = true;
    return access;
  }
  static Access role(std::string role) {
    Access access;
    access.roles.push_back(std::move(role));
    return access;
  }
  static Access scope(std::string scope) {
    Access access;
    access.scopes.push_back(std::move(scope));
    return access;
  }
  // Also lets in tokens carrying `scope`: "admins, or the orders service".
  Access or_scope(std::string scope) && {
    scopes.push_back(std::move(scope));
    return std::move(*this);
  }
};

struct RouteOptions {
  Access access;
  // Handlers run on a worker pool so that a blocking database call never
  // stalls the I/O threads. A handler that does no blocking work (health,
  // metrics, in-memory answers) can run inline on the I/O thread instead and
  // save the hand-off.
  bool runs_inline = false;
  // An answer from memory (typically a cache hit), tried on the I/O thread
  // before the hand-off; nullopt sends the request on to the handler. It must
  // not block.
  std::function<std::optional<Response>(Request&)> fast_path;
  // A body limit of its own (bulk imports), instead of the server's.
  std::optional<std::size_t> max_body_bytes;
};

inline RouteOptions requires_access(Access access) {
  RouteOptions options;
  options.access = std::move(access);
  return options;
}
inline RouteOptions public_route() { return requires_access(Access::anyone()); }
// For public routes whose handler never blocks (health, metrics, documents).
inline RouteOptions inline_route() {
  auto options = public_route();
  options.runs_inline = true;
  return options;
}
// A route with a body limit of its own (bulk imports).
inline RouteOptions with_body_limit(RouteOptions options, std::size_t max_body_bytes) {
  options.max_body_bytes = max_body_bytes;
  return options;
}

// A public route answered from memory when it can; a fast path runs before
// any check, so only public routes may have one.
inline RouteOptions with_fast_path(std::function<std::optional<Response>(Request&)> fast_path) {
  auto options = public_route();
  options.fast_path = std::move(fast_path);
  return options;
}

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::shared_ptr<const auth::TokenVerifier> verifier;  // set when a token is required
};

// Maps method + path to a handler. Patterns are made of literal segments and
// {name} parameters ("/v1/products/{id}/inventory"); literals win over
// parameters, so "/v1/products/by-slug/{slug}" and "/v1/products/{id}" coexist.
class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Routes added afterwards that require a token are checked with `verifier`.
  void use_token_verifier(std::shared_ptr<const auth::TokenVerifier> verifier);

  // Throws std::logic_error for a route that requires a token while the
  // router has no verifier, or a non-public route with a fast path: both
  // would be holes, found at start rather than in production.
  void add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  void get(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    add(Method::get, pattern, std::move(handler), std::move(options));
  }
  void post(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    add(Method::post, pattern, std::move(handler), std::move(options));
  }
  void put(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    add(Method::put, pattern, std::move(handler), std::move(options));
  }
  void patch(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    add(Method::patch, pattern, std::move(handler), std::move(options));
  }
  void remove(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    add(Method::delete_, pattern, std::move(handler), std::move(options));
  }
  // Adds every route of `other` under `prefix` ("/api/catalog"), each keeping
  // the verifier it was added with.
  void mount(std::string_view prefix, const Router& other);

  struct Match {
    const Route* route = nullptr;  // null: no route for this method
    bool path_exists = false;      // some method matches the path (405 vs 404)
    std::vector<Method> allowed;   // methods the path accepts, for Allow
    std::vector<std::pair<std::string, std::string>> parameters;
  };
  Match match(Method method, std::string_view path) const;

  const std::vector<std::unique_ptr<Route>>& routes() const noexcept { return routes_; }

 private:
  struct Node;
  void insert(Route route);

  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
  std::shared_ptr<const auth::TokenVerifier> verifier_;
};

}  // namespace platform::http
