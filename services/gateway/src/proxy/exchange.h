#pragma once

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/auth/caller.h"
#include "platform/trace_context.h"
#include "proxy/gateway_state.h"

namespace gateway {

// One request through the gateway, from its header to the end of its answer.
struct Exchange {
  std::string request_id;
  platform::TraceContext trace;  // this gateway's span; upstreams get children of it
  std::string client_address;
  std::string allowed_origin;  // the request's Origin when CORS allows it
  std::optional<platform::auth::Caller> caller;
  std::size_t route_index = 0;
  std::int64_t started = 0;  // steady nanoseconds
  int status = 0;
  bool keep_alive = true;
};

using StringResponse = boost::beast::http::response<boost::beast::http::string_body>;

// An RFC 9457 problem answered by the gateway itself.
StringResponse problem_response(int status, std::string_view code, std::string_view detail,
                                unsigned version);

// What the gateway adds to every answer it sends: the request id, CORS for
// allowed origins, and security headers the upstream did not set itself.
void decorate(boost::beast::http::fields& headers, const Exchange& exchange);

// The headers that describe one hop and never travel further (RFC 9110 §7.6.1).
void remove_hop_by_hop(boost::beast::http::fields& headers);

// Whether a failed attempt of this request may be sent again: the methods
// that are idempotent, or any carrying an Idempotency-Key.
bool is_retryable(boost::beast::http::verb method, const boost::beast::http::fields& headers);

}  // namespace gateway
