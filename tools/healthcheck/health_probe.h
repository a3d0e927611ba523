#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shop::tools {

// The container's HEALTHCHECK: what it asks for, and the answer.
struct ProbeTarget {
  std::string host;  // an IPv4 address: the probe runs beside the process it checks
  std::uint16_t port = 0;
  std::string path;
};

// "http://127.0.0.1:8081/healthz" -> its parts; nullopt when it is not
// such a URL.
std::optional<ProbeTarget> parse_probe_url(std::string_view url);

// The status code of an HTTP/1.x status line ("HTTP/1.1 200 OK" -> 200);
// nullopt when the line is not one.
std::optional<int> status_of(std::string_view status_line);

// Sends GET for the target and reads the status line, within `timeout`.
// Empty when the answer was 2xx; otherwise what went wrong, for the log.
std::string probe(const ProbeTarget& target, std::chrono::milliseconds timeout);

}  // namespace shop::tools
