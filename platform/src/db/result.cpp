#include "platform/db/result.h"

#include <charconv>

#include "platform/error.h"

namespace platform::db {
namespace {

[[noreturn]] void type_mismatch(std::size_t column, const char* wanted) {
  throw Error(ErrorKind::internal, "database-type-mismatch",
              "column " + std::to_string(column) + " is not " + wanted);
}

template <class T>
T convert(const Value& value, std::size_t column);

template <>
std::int64_t convert<std::int64_t>(const Value& value, std::size_t column) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? 1 : 0;
  if (const auto* text = std::get_if<std::string>(&value)) {
    std::int64_t number = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
    if (error == std::errc{} && end == text->data() + text->size()) return number;
  }
  type_mismatch(column, "an integer");
}

template <>
double convert<double>(const Value& value, std::size_t column) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return static_cast<double>(*number);
  if (const auto* text = std::get_if<std::string>(&value)) {
    try {
      std::size_t used = 0;
      const double real = std::stod(*text, &used);
      if (used == text->size()) return real;
    } catch (const std::logic_error&) {
      // falls through to the mismatch below
    }
  }
  type_mismatch(column, "a number");
}

template <>
bool convert<bool>(const Value& value, std::size_t column) {
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number != 0;
  if (const auto* text = std::get_if<std::string>(&value)) {
    if (*text == "t" || *text == "true" || *text == "1") return true;
    if (*text == "f" || *text == "false" || *text == "0") return false;
  }
  type_mismatch(column, "a boolean");
}

template <>
std::string convert<std::string>(const Value& value, std::size_t column) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  type_mismatch(column, "text");
}

}  // namespace

bool Row::is_null(std::size_t column) const {
  return std::holds_alternative<std::nullptr_t>(value(column));
}

const Value& Row::value(std::size_t column) const {
  if (column >= values_.size()) {
    throw Error(ErrorKind::internal, "database-column-out-of-range",
                "column " + std::to_string(column) + " of " + std::to_string(values_.size()));
  }
  return values_[column];
}

template <class T>
T Row::get(std::size_t column) const {
  if constexpr (std::is_same_v<T, int>) {
    return static_cast<int>(get<std::int64_t>(column));
  } else {
    const Value& cell = value(column);
    if (std::holds_alternative<std::nullptr_t>(cell)) type_mismatch(column, "non-null");
    return convert<T>(cell, column);
  }
}

template std::int64_t Row::get<std::int64_t>(std::size_t) const;
template int Row::get<int>(std::size_t) const;
template double Row::get<double>(std::size_t) const;
template bool Row::get<bool>(std::size_t) const;
template std::string Row::get<std::string>(std::size_t) const;

template <>
std::optional<std::int64_t> Row::get<std::optional<std::int64_t>>(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return get<std::int64_t>(column);
}
template <>
std::optional<double> Row::get<std::optional<double>>(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return get<double>(column);
}
template <>
std::optional<bool> Row::get<std::optional<bool>>(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return get<bool>(column);
}
template <>
std::optional<std::string> Row::get<std::optional<std::string>>(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return get<std::string>(column);
}

}  // namespace platform::db
