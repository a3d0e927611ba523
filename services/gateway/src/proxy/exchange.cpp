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

namespace {

// The fields of the decoration, each given once to `add` as name and value.
template <class Add>
void for_each_decoration(const Fields& existing, const Exchange& exchange, Add&& add) {
  add("X-Request-Id", exchange.request_id);
  if (!exchange.allowed_origin.empty()) {
    add("Access-Control-Allow-Origin", exchange.allowed_origin);
    add("Access-Control-Expose-Headers", "ETag, Location, X-Request-Id, Retry-After");
    add("Vary", "Origin");
  }
  // Defaults only: a service that sets its own (the sign-in pages' CSP and
  // framing rules) keeps them.
  if (existing.find("X-Content-Type-Options") == existing.end()) {
    add("X-Content-Type-Options", "nosniff");
  }
  if (existing.find("Referrer-Policy") == existing.end()) {
    add("Referrer-Policy", "strict-origin-when-cross-origin");
  }
  if (existing.find(http::field::x_frame_options) == existing.end()) {
    add("X-Frame-Options", "DENY");
  }
}

}  // namespace

void decorate(Fields& headers, const Exchange& exchange) {
  for_each_decoration(headers, exchange, [&](std::string_view name, std::string_view value) {
    if (name == "Vary") {
      headers.insert(name, value);
    } else {
      headers.set(name, value);
    }
  });
}

void append_decoration(std::string& out, const Fields& upstream, const Exchange& exchange) {
  for_each_decoration(upstream, exchange, [&](std::string_view name, std::string_view value) {
    out.append(name);
    out.append(": ");
    out.append(value);
    out.append("\r\n");
  });
}

void clear_decorated(Fields& upstream, const Exchange& exchange) {
  upstream.erase("X-Request-Id");
  if (!exchange.allowed_origin.empty()) {
    upstream.erase(http::field::access_control_allow_origin);
    upstream.erase(http::field::access_control_expose_headers);
  }
}

namespace {

constexpr std::string_view kForwarded[] = {"X-Forwarded-Host", "X-Forwarded-Proto",
                                           "X-Forwarded-For", "X-Request-Id", "traceparent"};

// Gives each forwarding field to `add`.
template <class Add>
void for_each_forwarding(const Fields& request, const Exchange& exchange, Add&& add) {
  const auto host = request[http::field::host];
  if (!host.empty()) add("X-Forwarded-Host", host);
  add("X-Forwarded-Proto", "http");
  add("X-Forwarded-For", exchange.client_address);
  add("X-Request-Id", exchange.request_id);
  add("traceparent", platform::TraceContext::child_of(exchange.trace).traceparent());
}

}  // namespace

void strip_forwarding(Fields& request) {
  for (const auto name : kForwarded) {
    if (request.find(name) != request.end()) request.erase(name);
  }
}

void forward(Fields& request, const Exchange& exchange) {
  std::vector<std::pair<std::string_view, std::string>> fields;
  for_each_forwarding(request, exchange, [&](std::string_view name, std::string_view value) {
    fields.emplace_back(name, value);
  });
  for (const auto& [name, value] : fields) request.set(name, value);
}

void append_forwarding(std::string& out, const Fields& request, const Exchange& exchange) {
  for_each_forwarding(request, exchange, [&](std::string_view name, std::string_view value) {
    out.append(name);
    out.append(": ");
    out.append(value);
    out.append("\r\n");
  });
}

void remove_hop_by_hop(Fields& headers) {
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

bool is_retryable(http::verb method, const Fields& headers) {
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
