#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/message.h"

namespace platform::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
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

// For routes whose handler never blocks.
inline RouteOptions inline_route() {
  RouteOptions options;
  options.runs_inline = true;
  return options;
}

inline RouteOptions with_fast_path(std::function<std::optional<Response>(Request&)> fast_path) {
  RouteOptions options;
  options.fast_path = std::move(fast_path);
  return options;
}

inline RouteOptions with_body_limit(std::size_t max_body_bytes) {
  RouteOptions options;
  options.max_body_bytes = max_body_bytes;
  return options;
}

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
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

  void add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  void get(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    add(Method::get, pattern, std::move(handler), options);
  }
  void post(std::string_view pattern, Handler handler) {
    add(Method::post, pattern, std::move(handler));
  }
  void put(std::string_view pattern, Handler handler) {
    add(Method::put, pattern, std::move(handler));
  }
  void patch(std::string_view pattern, Handler handler) {
    add(Method::patch, pattern, std::move(handler));
  }
  void remove(std::string_view pattern, Handler handler) {
    add(Method::delete_, pattern, std::move(handler));
  }
  // Adds every route of `other` under `prefix` ("/api/catalog").
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
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace platform::http
