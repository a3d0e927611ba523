#include "proxy/exchange.h"

#include <algorithm>

#include "platform/http/problem.h"

namespace gateway {

namespace http = boost::beast::http;

StringResponse problem_response(int status, std::string_view code, std::string_view detail,
                                unsigned version) {
  const auto problem = platform::http::problem(status, code, "", detail);
  StringResponse response{static_cast<http::status>(status), version};
  for (const auto& [name, value] : problem.headers) response.set(name, value);
  response.body() = problem.body;
  response.prepare_payload();
  return response;
}

void decorate(http::fields& headers, const Exchange& exchange) {
  headers.set("X-Request-Id", exchange.request_id);
  if (!exchange.allowed_origin.empty()) {
    headers.set(http::field::access_control_allow_origin, exchange.allowed_origin);
    headers.set(http::field::access_control_expose_headers,
                "ETag, Location, X-Request-Id, Retry-After");
    headers.insert(http::field::vary, "Origin");
  }
  // Defaults only: a service that sets its own (the sign-in pages' CSP and
  // framing rules) keeps them.
  if (headers.find("X-Content-Type-Options") == headers.end()) {
    headers.set("X-Content-Type-Options", "nosniff");
  }
  if (headers.find("Referrer-Policy") == headers.end()) {
    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  }
  if (headers.find(http::field::x_frame_options) == headers.end()) {
    headers.set(http::field::x_frame_options, "DENY");
  }
}

void remove_hop_by_hop(http::fields& headers) {
  // Fields the Connection header names are hop-by-hop too.
  if (const auto connection = headers[http::field::connection]; !connection.empty()) {
    std::vector<std::string> named;
    for (const auto& token : http::token_list(connection)) named.emplace_back(token);
    for (const auto& name : named) headers.erase(name);
  }
  for (const auto field : {http::field::connection, http::field::keep_alive,
                           http::field::proxy_connection, http::field::te, http::field::trailer,
                           http::field::upgrade, http::field::proxy_authorization}) {
    headers.erase(field);
  }
}

bool is_retryable(http::verb method, const http::fields& headers) {
  switch (method) {
    case http::verb::get:
    case http::verb::head:
    case http::verb::put:
    case http::verb::delete_:
    case http::verb::options:
      return true;
    default:
      return headers.find("Idempotency-Key") != headers.end();
  }
}

}  // namespace gateway
