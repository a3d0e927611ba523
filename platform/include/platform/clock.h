#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace platform {

using SystemTime = std::chrono::system_clock::time_point;

// RFC 3339 UTC with millisecond precision: 2026-11-24T21:59:21.123Z.
std::string format_rfc3339(SystemTime time);
std::string now_rfc3339();
// Accepts RFC 3339 with "Z" or a numeric offset and optional fractions.
std::optional<SystemTime> parse_rfc3339(std::string_view text);

// Milliseconds since the Unix epoch: how times are stored in both databases.
std::int64_t to_unix_millis(SystemTime time);
SystemTime from_unix_millis(std::int64_t millis);
std::int64_t now_unix_millis();

}  // namespace platform
