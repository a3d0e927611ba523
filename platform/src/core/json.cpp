#include "platform/json.h"

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>

#include "platform/error.h"

namespace platform::json {
namespace {

// UTF-8 code points, not bytes: a 200-character title in Greek is 400 bytes.
std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

boost::json::value parse(std::string_view text) {
  boost::json::parse_options options;
  options.max_depth = 32;
  boost::system::error_code error;
  auto value = boost::json::parse(text, error, {}, options);
  if (error) {
    throw Error(ErrorKind::invalid_argument, "malformed-json",
                "request body is not valid JSON: " + error.message());
  }
  return value;
}

boost::json::object parse_object(std::string_view text) {
  auto value = parse(text);
  if (!value.is_object()) {
    throw Error(ErrorKind::invalid_argument, "malformed-json",
                "request body must be a JSON object");
  }
  return std::move(value.as_object());
}

ObjectReader::ObjectReader(const boost::json::object& object, std::string path)
    : object_(object), path_(std::move(path)) {}

std::string ObjectReader::field_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool ObjectReader::contains(std::string_view key) const { return object_.contains(key); }

bool ObjectReader::is_null(std::string_view key) const {
  const auto* value = object_.if_contains(key);
  return value != nullptr && value->is_null();
}

const boost::json::value* ObjectReader::find(std::string_view key) {
  read_.emplace(key);
  return object_.if_contains(key);
}

void ObjectReader::wrong_type(std::string_view key, const char* expected) const {
  throw invalid_field(field_path(key), field_path(key) + " must be " + expected);
}

std::string ObjectReader::check_string(std::string_view key, const boost::json::value& value,
                                       StringRule rule) const {
  if (!value.is_string()) wrong_type(key, "a string");
  const auto& text = value.get_string();
  const auto length = count_code_points(text);
  if (length < rule.min_length) {
    throw invalid_field(field_path(key), field_path(key) + " must have at least " +
                                             std::to_string(rule.min_length) + " characters");
  }
  if (length > rule.max_length) {
    throw invalid_field(field_path(key), field_path(key) + " must have at most " +
                                             std::to_string(rule.max_length) + " characters");
  }
  return std::string(text);
}

std::string ObjectReader::required_string(std::string_view key, StringRule rule) {
  const auto* value = find(key);
  if (value == nullptr) throw invalid_field(field_path(key), field_path(key) + " is required");
  return check_string(key, *value, rule);
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key, StringRule rule) {
  const auto* value = find(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  return check_string(key, *value, rule);
}

std::int64_t ObjectReader::required_integer(std::string_view key, IntegerRule rule) {
  const auto* value = find(key);
  if (value == nullptr) throw invalid_field(field_path(key), field_path(key) + " is required");
  std::int64_t number;
  if (value->is_int64()) {
    number = value->get_int64();
  } else if (value->is_uint64()) {
    wrong_type(key, "an integer within 64-bit range");
  } else {
    wrong_type(key, "an integer");
  }
  if (number < rule.minimum || number > rule.maximum) {
    std::string range = "must be";
    if (rule.minimum != INT64_MIN) range += " at least " + std::to_string(rule.minimum);
    if (rule.minimum != INT64_MIN && rule.maximum != INT64_MAX) range += " and";
    if (rule.maximum != INT64_MAX) range += " at most " + std::to_string(rule.maximum);
    throw invalid_field(field_path(key), field_path(key) + " " + range);
  }
  return number;
}

std::optional<std::int64_t> ObjectReader::optional_integer(std::string_view key, IntegerRule rule) {
  const auto* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) {
    read_.emplace(key);
    return std::nullopt;
  }
  return required_integer(key, rule);
}

bool ObjectReader::required_bool(std::string_view key) {
  const auto* value = find(key);
  if (value == nullptr) throw invalid_field(field_path(key), field_path(key) + " is required");
  if (!value->is_bool()) wrong_type(key, "true or false");
  return value->get_bool();
}

std::optional<bool> ObjectReader::optional_bool(std::string_view key) {
  const auto* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) {
    read_.emplace(key);
    return std::nullopt;
  }
  return required_bool(key);
}

std::vector<std::string> ObjectReader::string_array(std::string_view key, StringRule rule,
                                                    std::size_t max_items) {
  const auto* value = find(key);
  std::vector<std::string> items;
  if (value == nullptr || value->is_null()) return items;
  if (!value->is_array()) wrong_type(key, "an array of strings");
  const auto& array = value->get_array();
  if (array.size() > max_items) {
    throw invalid_field(field_path(key), field_path(key) + " must have at most " +
                                             std::to_string(max_items) + " items");
  }
  for (std::size_t i = 0; i < array.size(); ++i) {
    items.push_back(check_string(std::string(key) + "[" + std::to_string(i) + "]", array[i], rule));
  }
  return items;
}

ObjectReader ObjectReader::object(std::string_view key) {
  const auto* value = find(key);
  if (value == nullptr) throw invalid_field(field_path(key), field_path(key) + " is required");
  if (!value->is_object()) wrong_type(key, "an object");
  return ObjectReader(value->get_object(), field_path(key));
}

std::optional<ObjectReader> ObjectReader::optional_object(std::string_view key) {
  const auto* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) {
    read_.emplace(key);
    return std::nullopt;
  }
  return object(key);
}

const boost::json::value* ObjectReader::raw(std::string_view key) { return find(key); }

void ObjectReader::finish() const {
  for (const auto& member : object_) {
    if (!read_.contains(std::string_view(member.key()))) {
      const auto path = field_path(member.key());
      throw Error(ErrorKind::invalid_argument, "unknown-field", "unknown field " + path, path);
    }
  }
}

}  // namespace platform::json
