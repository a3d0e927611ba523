#include "domain/text_rules.h"

#include <algorithm>

#include "platform/ids.h"
#include "platform/json_text.h"

namespace customers {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter_or_digit(char c) { return is_digit(c) || is_upper(c) || is_lower(c); }

template <class Predicate>
bool all_of(std::string_view text, Predicate predicate) {
  return std::all_of(text.begin(), text.end(), predicate);
}

// Splits "zh-Hant-TW" at its dashes, one subtag per call.
std::string_view next_subtag(std::string_view& rest) {
  const auto dash = rest.find('-');
  const auto subtag = rest.substr(0, dash);
  rest = dash == std::string_view::npos ? std::string_view{} : rest.substr(dash + 1);
  return subtag;
}

bool is_script_subtag(std::string_view subtag) {
  return subtag.size() == 4 && is_upper(subtag[0]) && all_of(subtag.substr(1), is_lower);
}

bool is_region_subtag(std::string_view subtag) {
  return (subtag.size() == 2 && all_of(subtag, is_upper)) ||
         (subtag.size() == 3 && all_of(subtag, is_digit));
}

}  // namespace

bool is_single_line(std::string_view text) {
  return all_of(text, [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f; });
}

bool is_blank(std::string_view text) {
  return all_of(text, [](char c) { return c == ' '; });
}

bool is_text_line(std::string_view text, std::size_t max_length) {
  const auto characters =
      static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
      }));
  return characters <= max_length && !is_blank(text) && is_single_line(text) &&
         platform::json::is_valid_utf8(text);
}

bool is_phone_number(std::string_view text) {
  if (text.size() < 8 || text.size() > 16 || text.front() != '+') return false;
  const auto digits = text.substr(1);
  return digits.front() != '0' && all_of(digits, is_digit);
}

bool is_postal_code(std::string_view text) {
  if (text.empty() || text.size() > 16) return false;
  if (!is_letter_or_digit(text.front()) || !is_letter_or_digit(text.back())) return false;
  return all_of(text, [](char c) { return is_letter_or_digit(c) || c == ' ' || c == '-'; });
}

bool is_language_tag(std::string_view text) {
  if (text.empty() || text.size() > 16 || text.back() == '-') return false;
  auto rest = text;
  const auto language = next_subtag(rest);
  if (language.size() < 2 || language.size() > 3 || !all_of(language, is_lower)) return false;
  if (rest.empty()) return true;
  auto subtag = next_subtag(rest);
  if (is_script_subtag(subtag)) {
    if (rest.empty()) return true;
    subtag = next_subtag(rest);
  }
  return is_region_subtag(subtag) && rest.empty();
}

bool is_currency_code(std::string_view text) { return text.size() == 3 && all_of(text, is_upper); }

bool is_opaque_id(std::string_view text) { return platform::is_opaque_id(text, 64); }

std::string lower_case(std::string_view text) {
  std::string lower(text);
  for (auto& c : lower) {
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace customers
