#pragma once

#include <string>
#include <string_view>

namespace platform::http {

// The X-Request-Id of a request: the caller's when it is short and printable
// (so that it cannot inject anything into logs or headers), a fresh one
// otherwise.
std::string request_id_for(std::string_view incoming);

}  // namespace platform::http
