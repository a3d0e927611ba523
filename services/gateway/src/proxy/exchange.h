#pragma once

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>
#include <memory_resource>
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

// Header fields whose memory comes from the session's arena for the request
// (see Session): a request and its answer carry a dozen fields each, and
// Beast allocates every one of them.
using ArenaAllocator = std::pmr::polymorphic_allocator<char>;
using Fields = boost::beast::http::basic_fields<ArenaAllocator>;
using RequestHeader = boost::beast::http::request_header<Fields>;
using ResponseHeader = boost::beast::http::response_header<Fields>;
using StringResponse = boost::beast::http::response<boost::beast::http::string_body, Fields>;

// An RFC 9457 problem answered by the gateway itself.
StringResponse problem_response(int status, std::string_view code, std::string_view detail,
                                unsigned version);

// What the gateway adds to every answer it sends: the request id, CORS for
// allowed origins, and security headers the upstream did not set itself.
// `decorate` puts them into a message's fields; `append_decoration` writes
// them as wire lines after `upstream`'s own fields (see wire_format.h).
void decorate(Fields& headers, const Exchange& exchange);
void append_decoration(std::string& out, const Fields& upstream, const Exchange& exchange);
// Removes from an upstream's answer the fields the decoration replaces.
void clear_decorated(Fields& upstream, const Exchange& exchange);

// What the gateway tells the instance about the request: who sent it
// (X-Forwarded-*), its request id and the trace (traceparent, a new span of
// the gateway's). `strip_forwarding` removes what the client sent under those
// names, which is not to be believed; then `forward` sets them in the
// message's fields, or `append_forwarding` writes them as wire lines.
void strip_forwarding(Fields& request);
void forward(Fields& request, const Exchange& exchange);
void append_forwarding(std::string& out, const Fields& request, const Exchange& exchange);

// The headers that describe one hop and never travel further (RFC 9110 §7.6.1).
void remove_hop_by_hop(Fields& headers);

// Whether a failed attempt of this request may be sent again: the methods
// that are idempotent, or any carrying an Idempotency-Key.
bool is_retryable(boost::beast::http::verb method, const Fields& headers);

}  // namespace gateway
