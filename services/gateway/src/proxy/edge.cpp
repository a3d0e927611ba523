#include "proxy/edge.h"

#include <algorithm>

#include "platform/error.h"

namespace gateway {

namespace http = boost::beast::http;

namespace {

StringResponse too_many(std::string_view who, std::int64_t wait_nanos, unsigned version) {
  auto response =
      problem_response(429, "rate-limited", std::string(who) + " sends too many requests", version);
  response.set(http::field::retry_after, retry_after_seconds(wait_nanos));
  return response;
}

StringResponse unauthorized(std::string_view code, std::string_view detail, std::string_view error,
                            unsigned version) {
  auto response = problem_response(401, code, detail, version);
  std::string challenge = "Bearer realm=\"shop\"";
  if (!error.empty()) challenge += ", error=\"" + std::string(error) + "\"";
  response.set(http::field::www_authenticate, challenge);
  return response;
}

std::optional<std::string_view> bearer_token(std::string_view header) {
  if (header.size() < 8 || !boost::beast::iequals(header.substr(0, 7), "Bearer "))
    return std::nullopt;
  auto token = header.substr(7);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  if (token.empty()) return std::nullopt;
  return token;
}

}  // namespace

std::string retry_after_seconds(std::int64_t wait_nanos) {
  return std::to_string(std::max<std::int64_t>(1, (wait_nanos + 999'999'999) / 1'000'000'000));
}

std::string allowed_origin(const GatewayConfig& config, std::string_view origin) {
  if (origin.empty()) return {};
  for (const auto& allowed : config.cors_allowed_origins) {
    if (allowed == "*" || allowed == origin) return std::string(origin);
  }
  return {};
}

bool is_preflight(const RequestHeader& request) {
  return request.method() == http::verb::options &&
         request.find(http::field::origin) != request.end() &&
         request.find(http::field::access_control_request_method) != request.end();
}

StringResponse preflight_response(const RequestHeader& request, const Exchange& exchange) {
  StringResponse response{http::status::no_content, request.version()};
  if (!exchange.allowed_origin.empty()) {
    response.set(http::field::access_control_allow_methods, "GET, HEAD, POST, PUT, PATCH, DELETE");
    response.set(http::field::access_control_allow_headers,
                 "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, "
                 "traceparent, X-Request-Id");
    response.set(http::field::access_control_max_age, "600");
  }
  return response;
}

std::optional<StringResponse> check_edge(GatewayState& state, const Route& route,
                                         const RequestHeader& request, Exchange& exchange,
                                         std::int64_t now) {
  const auto version = request.version();
  if (state.config.rate_limits) {
    if (auto wait = state.per_client.admit(exchange.client_address, now)) {
      return too_many("this client", *wait, version);
    }
  }
  if (route.auth == EdgeAuth::none) return std::nullopt;
  const auto header = request[http::field::authorization];
  if (!header.empty()) {
    const auto token = bearer_token(header);
    if (!token) {
      return unauthorized("invalid-token", "Authorization must be \"Bearer <token>\"",
                          "invalid_request", version);
    }
    try {
      exchange.caller = state.verifier->verify(*token);
    } catch (const platform::Error& error) {
      if (error.kind() == platform::ErrorKind::unauthenticated) {
        return unauthorized("invalid-token", error.what(), "invalid_token", version);
      }
      return problem_response(503, error.code(), error.what(), version);
    }
  } else if (route.auth == EdgeAuth::required) {
    return unauthorized("unauthenticated", "this route requires a bearer token", "", version);
  }
  if (exchange.caller && state.config.rate_limits) {
    if (auto wait = state.per_user.admit(exchange.caller->subject, now)) {
      return too_many("this user", *wait, version);
    }
  }
  return std::nullopt;
}

FileResponse file_response(const StaticFile& file, const RequestHeader& request) {
  FileResponse response{http::status::ok, request.version()};
  response.set(http::field::etag, file.etag);
  response.set(http::field::cache_control, file.policy.cache_control);
  response.set(http::field::content_type, file.policy.content_type);
  const auto if_none_match = request[http::field::if_none_match];
  if (!if_none_match.empty() &&
      (if_none_match == "*" || if_none_match.find(file.etag) != std::string_view::npos)) {
    response.result(http::status::not_modified);
    return response;
  }
  const bool gzip = !file.gzipped.empty() &&
                    request[http::field::accept_encoding].find("gzip") != std::string_view::npos;
  const auto& content = gzip ? file.gzipped : file.content;
  if (!file.gzipped.empty()) response.set(http::field::vary, "Accept-Encoding");
  if (gzip) response.set(http::field::content_encoding, "gzip");
  if (request.method() != http::verb::head) {
    response.body() = {content.data(), content.size()};
  }
  response.content_length(content.size());
  return response;
}

}  // namespace gateway
