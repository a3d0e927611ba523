#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace platform::db {

// A statement parameter or a column value. Booleans are kept distinct so that
// PostgreSQL gets a real boolean while SQLite stores 0/1.
using Value = std::variant<std::nullptr_t, std::int64_t, double, bool, std::string>;

inline Value to_value(std::nullptr_t) { return nullptr; }
inline Value to_value(bool v) { return v; }
inline Value to_value(std::int64_t v) { return v; }
inline Value to_value(int v) { return static_cast<std::int64_t>(v); }
inline Value to_value(double v) { return v; }
inline Value to_value(std::string v) { return v; }
inline Value to_value(std::string_view v) { return std::string(v); }
inline Value to_value(const char* v) { return std::string(v); }
template <class T>
Value to_value(const std::optional<T>& v) {
  return v ? to_value(*v) : Value(nullptr);
}

}  // namespace platform::db
