#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/auth/caller.h"

namespace platform::http {

enum class Method { get, head, post, put, patch, delete_, options, other };

std::string_view to_string(Method method);

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  // The first value of `name`, or empty.
  std::string_view get(std::string_view name) const;
  bool contains(std::string_view name) const;
  // Replaces every existing value of `name`.
  void set(std::string_view name, std::string_view value);
  void add(std::string_view name, std::string_view value);
  void remove(std::string_view name);

  auto begin() const { return fields_.begin(); }
  auto end() const { return fields_.end(); }
  std::size_t size() const noexcept { return fields_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct Request {
  Method method = Method::get;
  std::string target;  // as received: path and query
  std::string path;    // path as received, still percent-encoded; the router decodes parameters
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  Headers headers;
  std::string body;
  std::string remote_address;  // "ip:port" of the peer

  // Filled by the router.
  std::string route;  // the matched pattern, e.g. "/v1/products/{id}"
  std::vector<std::pair<std::string, std::string>> path_parameters;

  // Who called, once the route's access check verified a bearer token.
  std::optional<auth::Caller> caller;

  // When the caller stops waiting; handlers pass it on to outgoing calls.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();

  std::string_view header(std::string_view name) const { return headers.get(name); }
  // The first value of a query parameter.
  std::optional<std::string_view> query_parameter(std::string_view name) const;
  // A path parameter declared in the route pattern (throws if undeclared: a bug).
  const std::string& path_parameter(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  static Response json(int status, std::string body);
  static Response text(int status, std::string body,
                       std::string_view content_type = "text/plain; charset=utf-8");
  static Response empty(int status);
};

}  // namespace platform::http
