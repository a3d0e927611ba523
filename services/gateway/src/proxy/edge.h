#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/span_body.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "proxy/exchange.h"

namespace gateway {

using FileResponse =
    boost::beast::http::response<boost::beast::http::span_body<const char>, Fields>;

// The request's Origin if the CORS allow-list names it (or allows "*").
std::string allowed_origin(const GatewayConfig& config, std::string_view origin);

// A CORS preflight: OPTIONS with Origin and Access-Control-Request-Method.
// The gateway answers those itself: every upstream allows the same origins.
bool is_preflight(const RequestHeader& request);
StringResponse preflight_response(const RequestHeader& request, const Exchange& exchange);

// The edge's checks before a request goes upstream: the per-client rate
// limit, the route's token requirement (the verified caller is put on the
// exchange) and the per-user rate limit. nullopt lets the request through.
std::optional<StringResponse> check_edge(GatewayState& state, const Route& route,
                                         const RequestHeader& request, Exchange& exchange,
                                         std::int64_t now);

// A file of the web app (304 when the client has this version; gzip when
// the client takes it and the build made it). Points into the site's memory.
FileResponse file_response(const StaticFile& file, const RequestHeader& request);

// "Retry-After" seconds for a wait in nanoseconds: at least one.
std::string retry_after_seconds(std::int64_t wait_nanos);

}  // namespace gateway
