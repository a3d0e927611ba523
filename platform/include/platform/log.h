#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace platform::log {

enum class Level { debug = 0, info = 1, warn = 2, error = 3 };

// Extra key/value pairs of one log line. Values are written as JSON strings,
// except the ones given as numbers.
struct Field {
  Field(std::string_view k, std::string_view v) : key(k), text(v) {}
  Field(std::string_view k, const char* v) : key(k), text(v) {}
  Field(std::string_view k, const std::string& v) : key(k), text(v) {}
  Field(std::string_view k, long long v) : key(k), number(v), is_number(true) {}
  Field(std::string_view k, long v) : key(k), number(v), is_number(true) {}
  Field(std::string_view k, int v) : key(k), number(v), is_number(true) {}
  Field(std::string_view k, unsigned long v)
      : key(k), number(static_cast<long long>(v)), is_number(true) {}
  Field(std::string_view k, double v) : key(k), real(v), is_real(true) {}

  std::string_view key;
  std::string_view text;
  long long number = 0;
  double real = 0;
  bool is_number = false;
  bool is_real = false;
};

// Process-wide settings, done once at start.
void set_service(std::string name);
void set_level(Level level);
// "debug", "info", "warn", "error"; anything else keeps the current level.
void set_level(std::string_view name);
bool enabled(Level level);

// One JSON line on stderr with time, level, service, message, the current
// trace id and request id (see trace_context.h) and the fields.
void write(Level level, std::string_view message, std::initializer_list<Field> fields = {});

inline void debug(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::debug, m, f);
}
inline void info(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::info, m, f);
}
inline void warn(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::warn, m, f);
}
inline void error(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::error, m, f);
}

}  // namespace platform::log
