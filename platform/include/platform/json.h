#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace platform::json {

// Parses a request body that must be a JSON object. Malformed JSON, another
// top-level type or nesting deeper than 32 levels throws
// Error(invalid_argument, "malformed-json") saying where it broke.
boost::json::object parse_object(std::string_view text);
boost::json::value parse(std::string_view text);

// Strict, typed reading of a JSON object that names the offending field in
// every error. Each key read is remembered; finish() rejects the rest, so an
// unknown or misspelled field is an error rather than silently ignored.
//
//   ObjectReader body(json::parse_object(request.body));
//   auto title = body.required_string("title", {.min_length = 1, .max_length = 200});
//   auto price = body.required_integer("price_minor", {.minimum = 0});
//   body.finish();
struct StringRule {
  std::size_t min_length = 0;
  std::size_t max_length = 10'000;  // characters (code points), not bytes
};

struct IntegerRule {
  std::int64_t minimum = INT64_MIN;
  std::int64_t maximum = INT64_MAX;
};

class ObjectReader {
 public:
  explicit ObjectReader(const boost::json::object& object, std::string path = {});
  // The reader keeps a reference: it must not outlive the object it reads.
  ObjectReader(boost::json::object&&, std::string = {}) = delete;

  bool contains(std::string_view key) const;
  // Present and null: in a JSON merge patch that means "remove".
  bool is_null(std::string_view key) const;

  std::string required_string(std::string_view key, StringRule rule = {});
  std::optional<std::string> optional_string(std::string_view key, StringRule rule = {});
  std::int64_t required_integer(std::string_view key, IntegerRule rule = {});
  std::optional<std::int64_t> optional_integer(std::string_view key, IntegerRule rule = {});
  bool required_bool(std::string_view key);
  std::optional<bool> optional_bool(std::string_view key);
  std::vector<std::string> string_array(std::string_view key, StringRule rule = {},
                                        std::size_t max_items = 100);
  // A nested object, read with its own reader (whose errors carry the path).
  ObjectReader object(std::string_view key);
  std::optional<ObjectReader> optional_object(std::string_view key);
  // The raw value, for free-form members such as product attributes.
  const boost::json::value* raw(std::string_view key);

  // Throws Error(invalid_argument, "unknown-field") for the first key never read.
  void finish() const;

  // "path.key" for error messages.
  std::string field_path(std::string_view key) const;

 private:
  const boost::json::value* find(std::string_view key);
  [[noreturn]] void wrong_type(std::string_view key, const char* expected) const;
  std::string check_string(std::string_view key, const boost::json::value& value,
                           StringRule rule) const;

  const boost::json::object& object_;
  std::string path_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace platform::json
