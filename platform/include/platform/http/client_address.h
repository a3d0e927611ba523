#pragma once

#include <string>
#include <vector>

#include "platform/http/message.h"

namespace platform::http {

// The address of the client a request comes from, for throttling and logs:
// the peer's IP, or, when the peer is one of `trusted_proxies` (the gateway),
// the last address it appended to X-Forwarded-For. Anyone else's
// X-Forwarded-For is ignored: clients could write anything there.
std::string client_address(const Request& request, const std::vector<std::string>& trusted_proxies);
// The same from the peer's "ip:port" and the X-Forwarded-For header's value.
std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace platform::http
