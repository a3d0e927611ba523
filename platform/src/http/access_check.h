#pragma once

#include <optional>

#include "platform/http/router.h"

namespace platform::http {

// Enforces the route's Access before its handler: nullopt lets the request
// through (with Request::caller set when a token was verified); otherwise
// the 401/403/503 problem to answer.
std::optional<Response> check_access(Request& request, const Route& route);

}  // namespace platform::http
