#include "platform/testing/browser.h"

#include <cctype>
#include <cstdio>

namespace platform::testing {

std::string Browser::cookie_header() const {
  std::string header;
  for (const auto& [name, value] : cookies) {
    if (!header.empty()) header += "; ";
    header += name + "=" + value;
  }
  return header;
}

void Browser::remember(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name != "Set-Cookie" && name != "set-cookie") continue;
    const auto equals = value.find('=');
    const auto end = value.find(';');
    const auto cookie = value.substr(0, equals);
    if (value.find("Max-Age=0") != std::string::npos) {
      cookies.erase(cookie);
    } else {
      cookies[cookie] = value.substr(equals + 1, end - equals - 1);
    }
  }
}

std::optional<std::string> hidden_field(std::string_view html, std::string_view name) {
  const std::string marker = "name=\"" + std::string(name) + "\" value=\"";
  const auto start = html.find(marker);
  if (start == std::string_view::npos) return std::nullopt;
  const auto value_start = start + marker.size();
  const auto end = html.find('"', value_start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(html.substr(value_start, end - value_start));
}

}  // namespace platform::testing
