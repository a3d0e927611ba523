#include "evaluation/ratings.h"

#include <charconv>
#include <stdexcept>

namespace recommendations::evaluation {
namespace {

template <typename Number>
Number number_from(std::string_view field, std::size_t line) {
  Number value{};
  const auto* end = field.data() + field.size();
  const auto [stop, error] = std::from_chars(field.data(), end, value);
  if (error != std::errc() || stop != end || field.empty()) {
    throw std::invalid_argument("line " + std::to_string(line) + ": \"" + std::string(field) +
                                "\" is not a number");
  }
  return value;
}

std::vector<std::string_view> fields_of(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const auto stop = line.find(separator, start);
    fields.push_back(line.substr(start, stop - start));
    if (stop == std::string_view::npos) return fields;
    start = stop + 1;
  }
}

}  // namespace

std::vector<Rating> parse_movielens(std::string_view text) {
  std::vector<Rating> ratings;
  const char separator =
      text.substr(0, text.find('\n')).find('\t') != std::string_view::npos ? '\t' : ',';
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    auto line = text.substr(start, stop - start);
    start = stop + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line_number == 1 && separator == ',' && line.starts_with("userId")) continue;
    const auto fields = fields_of(line, separator);
    if (fields.size() != 4) {
      throw std::invalid_argument("line " + std::to_string(line_number) + ": 4 fields expected, " +
                                  std::to_string(fields.size()) + " found");
    }
    ratings.push_back({number_from<std::int64_t>(fields[0], line_number),
                       number_from<std::int64_t>(fields[1], line_number),
                       number_from<float>(fields[2], line_number),
                       number_from<std::int64_t>(fields[3], line_number)});
  }
  return ratings;
}

}  // namespace recommendations::evaluation
