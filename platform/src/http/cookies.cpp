#include "platform/http/cookies.h"

#include <algorithm>
#include <cctype>

namespace platform::http {
namespace {

bool is_cookie_header(std::string_view field) {
  constexpr std::string_view name = "cookie";
  return field.size() == name.size() &&
         std::equal(field.begin(), field.end(), name.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

}  // namespace

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  std::optional<std::string> found;
  for (const auto& [field, header] : request.headers) {
    if (!is_cookie_header(field)) continue;
    std::string_view rest = header;
    while (!rest.empty()) {
      const auto end = std::min(rest.find(';'), rest.size());
      auto pair = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos || pair.substr(0, equals) != name) continue;
      if (found) return std::nullopt;  // sent twice: trust neither
      found = std::string(pair.substr(equals + 1));
    }
  }
  return found;
}

std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieOptions& options) {
  std::string header = std::string(name) + "=" + std::string(value) + "; Path=" + options.path;
  if (options.max_age) header += "; Max-Age=" + std::to_string(options.max_age->count());
  if (options.secure) header += "; Secure";
  if (options.http_only) header += "; HttpOnly";
  if (!options.same_site.empty()) header += "; SameSite=" + options.same_site;
  return header;
}

}  // namespace platform::http
