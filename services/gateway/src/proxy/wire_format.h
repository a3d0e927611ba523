#pragma once

#include <string>
#include <string_view>

#include "proxy/exchange.h"

namespace gateway {

// Messages as they go on the wire, written into one buffer that goes out
// with the first piece of the body in a single writev: much cheaper than
// Beast's serializer, which hands the socket a buffer per name, value and
// separator, and than inserting the gateway's own fields into Beast's field
// set first (docs/benchmarks.md).
//
//   append_start_and_fields(out, response);
//   append_field(out, "X-Request-Id", id);
//   end_header(out);

void append_start_and_fields(std::string& out, const RequestHeader& header);
void append_start_and_fields(std::string& out, const ResponseHeader& header);

inline void append_field(std::string& out, std::string_view name, std::string_view value) {
  out.append(name);
  out.append(": ");
  out.append(value);
  out.append("\r\n");
}

inline void end_header(std::string& out) { out.append("\r\n"); }

}  // namespace gateway
