#include "platform/clock.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace platform {
namespace {

bool parse_digits(std::string_view text, std::size_t position, std::size_t count, int& out) {
  if (position + count > text.size()) return false;
  const char* begin = text.data() + position;
  const char* end = begin + count;
  auto [pointer, error] = std::from_chars(begin, end, out);
  return error == std::errc{} && pointer == end;
}

}  // namespace

std::string format_rfc3339(SystemTime time) {
  using namespace std::chrono;
  const auto millis_total = duration_cast<milliseconds>(time.time_since_epoch()).count();
  auto seconds_total = millis_total / 1000;
  auto millis = millis_total % 1000;
  if (millis < 0) {
    millis += 1000;
    seconds_total -= 1;
  }
  const auto days = floor<std::chrono::days>(sys_seconds{seconds{seconds_total}});
  const year_month_day date{days};
  const hh_mm_ss clock{seconds{seconds_total} - days.time_since_epoch()};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()), static_cast<int>(millis));
  return buffer;
}

std::string now_rfc3339() { return format_rfc3339(std::chrono::system_clock::now()); }

std::optional<SystemTime> parse_rfc3339(std::string_view text) {
  using namespace std::chrono;
  int year, month, day, hour, minute, second;
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  if (!parse_digits(text, 0, 4, year) || !parse_digits(text, 5, 2, month) ||
      !parse_digits(text, 8, 2, day) || !parse_digits(text, 11, 2, hour) ||
      !parse_digits(text, 14, 2, minute) || !parse_digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  const year_month_day date{std::chrono::year{year},
                            std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;

  std::size_t position = 19;
  long long nanos = 0;
  if (position < text.size() && text[position] == '.') {
    ++position;
    long long scale = 100'000'000;
    std::size_t digits = 0;
    while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
      nanos += (text[position] - '0') * scale;
      scale /= 10;
      ++position;
      ++digits;
    }
    if (digits == 0) return std::nullopt;
  }
  int offset_minutes = 0;
  if (position >= text.size()) return std::nullopt;
  if (text[position] == 'Z' || text[position] == 'z') {
    ++position;
  } else if (text[position] == '+' || text[position] == '-') {
    int offset_hours, offset_mins;
    if (position + 6 != text.size() || text[position + 3] != ':' ||
        !parse_digits(text, position + 1, 2, offset_hours) ||
        !parse_digits(text, position + 4, 2, offset_mins) || offset_hours > 23 ||
        offset_mins > 59) {
      return std::nullopt;
    }
    offset_minutes = (offset_hours * 60 + offset_mins) * (text[position] == '-' ? -1 : 1);
    position += 6;
  } else {
    return std::nullopt;
  }
  if (position != text.size()) return std::nullopt;

  auto time =
      sys_days{date} + hours{hour} + minutes{minute} + seconds{second} - minutes{offset_minutes};
  return time_point_cast<SystemTime::duration>(time + nanoseconds{nanos});
}

std::int64_t to_unix_millis(SystemTime time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

SystemTime from_unix_millis(std::int64_t millis) {
  return SystemTime{std::chrono::milliseconds{millis}};
}

std::int64_t now_unix_millis() { return to_unix_millis(std::chrono::system_clock::now()); }

}  // namespace platform
