#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "platform/http/message.h"

namespace platform::http {

// The value of cookie `name` in the request's Cookie headers, if sent once.
std::optional<std::string> cookie(const Request& request, std::string_view name);

struct CookieOptions {
  std::string path = "/";
  // nullopt: a session cookie; zero: delete it now.
  std::optional<std::chrono::seconds> max_age;
  bool secure = false;  // HTTPS only
  bool http_only = true;
  std::string same_site = "Lax";
};

// A Set-Cookie value (RFC 6265). `value` must be cookie-safe (the random
// tokens this platform makes are).
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace platform::http
