#include "http/middleware.h"

#include <algorithm>
#include <boost/url/parse.hpp>

#include "http/access_check.h"
#include "platform/error.h"
#include "platform/http/problem.h"
#include "platform/http/request_id.h"
#include "platform/ids.h"
#include "platform/log.h"

namespace platform::http {
namespace {

std::string join_methods(const std::vector<Method>& methods) {
  std::string joined;
  for (auto method : methods) {
    if (!joined.empty()) joined += ", ";
    joined += to_string(method);
  }
  if (std::find(methods.begin(), methods.end(), Method::get) != methods.end()) joined += ", HEAD";
  return joined;
}

}  // namespace

Middleware::Middleware(const ServerOptions& options, const Router& router,
                       metrics::Registry& registry)
    : options_(options),
      router_(router),
      requests_(registry.counter("http_requests_total", "HTTP requests served",
                                 {"method", "route", "status"})),
      durations_(registry.histogram("http_request_duration_seconds",
                                    "Time from request headers read to response ready",
                                    {"method", "route"})) {}

Middleware::Prepared Middleware::prepare(Request& request) const {
  Prepared prepared;
  auto parsed = boost::urls::parse_origin_form(request.target);
  if (!parsed) {
    prepared.target_valid = false;
  } else {
    request.path = std::string(parsed->encoded_path());
    for (const auto& parameter : parsed->params()) {
      request.query.emplace_back(parameter.key, parameter.value);
    }
    prepared.match = router_.match(request.method, request.path);
    if (prepared.match.route != nullptr) {
      request.route = prepared.match.route->pattern;
      request.path_parameters = prepared.match.parameters;
      prepared.runs_inline = prepared.match.route->options.runs_inline;
    }
  }

  prepared.trace =
      TraceContext::child_of(TraceContext::from_traceparent(request.header("traceparent")));
  prepared.trace.request_id = request_id_for(request.header("X-Request-Id"));
  return prepared;
}

Response Middleware::respond(Request& request, const Prepared& prepared) const {
  TraceScope scope(prepared.trace);
  Response response = dispatch(request, prepared);
  decorate(request, prepared, response);
  return response;
}

std::optional<Response> Middleware::respond_fast(Request& request, const Prepared& prepared) const {
  const Route* route = prepared.match.route;
  if (route == nullptr || !route->options.fast_path) return std::nullopt;
  TraceScope scope(prepared.trace);
  std::optional<Response> response;
  try {
    response = route->options.fast_path(request);
  } catch (const Error& error) {
    response = problem_from(error);
  } catch (const std::exception& exception) {
    log::error("request failed", {{"route", request.route}, {"error", exception.what()}});
    response = problem(500, "internal", "", "an unexpected error occurred");
  }
  if (response) decorate(request, prepared, *response);
  return response;
}

void Middleware::decorate(const Request& request, const Prepared& prepared,
                          Response& response) const {
  response.headers.set("X-Request-Id", prepared.trace.request_id);
  add_cors_headers(request, response);
}

Response Middleware::dispatch(Request& request, const Prepared& prepared) const {
  if (!prepared.target_valid) {
    return problem(400, "malformed-request", "", "request target is not a valid path and query");
  }
  if (request.method == Method::options && !request.header("Origin").empty() &&
      !request.header("Access-Control-Request-Method").empty()) {
    auto response = Response::empty(204);
    if (prepared.match.path_exists) {
      response.headers.set("Access-Control-Allow-Methods", join_methods(prepared.match.allowed));
    }
    return response;
  }
  if (prepared.match.route == nullptr) {
    if (prepared.match.path_exists) {
      auto response =
          problem(405, "method-not-allowed", "",
                  std::string(to_string(request.method)) + " is not allowed on " + request.path);
      response.headers.set("Allow", join_methods(prepared.match.allowed));
      return response;
    }
    return problem(404, "route-not-found", "", "no route for " + request.path);
  }
  try {
    if (auto refusal = check_access(request, *prepared.match.route)) return std::move(*refusal);
    return prepared.match.route->handler(request);
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::internal) {
      log::error("request failed", {{"route", request.route}, {"error", error.what()}});
    }
    return problem_from(error);
  } catch (const std::exception& exception) {
    log::error("request failed", {{"route", request.route}, {"error", exception.what()}});
    return problem(500, "internal", "", "an unexpected error occurred");
  }
}

bool Middleware::origin_allowed(std::string_view origin) const {
  return std::any_of(
      options_.cors_allowed_origins.begin(), options_.cors_allowed_origins.end(),
      [&](const std::string& allowed) { return allowed == "*" || allowed == origin; });
}

void Middleware::add_cors_headers(const Request& request, Response& response) const {
  const auto origin = request.header("Origin");
  if (origin.empty() || !origin_allowed(origin)) return;
  response.headers.set("Access-Control-Allow-Origin", origin);
  response.headers.add("Vary", "Origin");
  response.headers.set("Access-Control-Expose-Headers", "ETag, Location, X-Request-Id");
  if (request.method == Method::options) {
    response.headers.set("Access-Control-Allow-Headers",
                         "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, "
                         "traceparent, X-Request-Id");
    response.headers.set("Access-Control-Max-Age", "600");
  }
}

void Middleware::finish(const Request& request, const Prepared& prepared, const Response& response,
                        std::chrono::steady_clock::time_point started) const {
  const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  // Unmatched paths share one label so that scanners cannot explode the series.
  const std::string route = request.route.empty() ? "unmatched" : request.route;
  const std::string method(to_string(request.method));
  requests_.with({method, route, std::to_string(response.status)}).increment();
  durations_.with({method, route}).observe(elapsed.count());
  if (options_.access_log && log::enabled(log::Level::info)) {
    TraceScope scope(prepared.trace);
    log::info("request", {{"method", method},
                          {"path", request.path},
                          {"route", route},
                          {"status", response.status},
                          {"duration_ms", elapsed.count() * 1000.0},
                          {"response_bytes", response.body.size()}});
  }
}

Response Middleware::problem_response(int status, const char* code,
                                      const std::string& detail) const {
  return problem(status, code, "", detail);
}

}  // namespace platform::http
