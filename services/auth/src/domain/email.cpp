#include "domain/email.h"

#include <algorithm>
#include <cctype>

namespace auth {
namespace {

bool is_atom_character(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  constexpr std::string_view specials = "!#$%&'*+-/=?^_`{|}~";
  return specials.find(c) != std::string_view::npos;
}

bool is_dot_atom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  if (text.find("..") != std::string_view::npos) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == '.' || is_atom_character(c); });
}

bool is_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  return std::all_of(label.begin(), label.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

bool is_domain(std::string_view domain) {
  if (domain.size() > 253) return false;
  std::size_t labels = 0;
  std::string_view last;
  while (true) {
    const auto dot = domain.find('.');
    const auto label = domain.substr(0, dot);
    if (!is_label(label)) return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  const bool alphabetic_top = last.size() >= 2 && std::all_of(last.begin(), last.end(), [](char c) {
                                return std::isalpha(static_cast<unsigned char>(c));
                              });
  const bool punycode_top = last.starts_with("xn--");
  return labels >= 2 && (alphabetic_top || punycode_top);
}

}  // namespace

std::optional<std::string> normalize_email(std::string_view input) {
  const auto first = input.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  input = input.substr(first, input.find_last_not_of(" \t\r\n") - first + 1);
  if (input.size() > 254) return std::nullopt;
  const auto at = input.find('@');
  if (at == std::string_view::npos || input.find('@', at + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const auto local = input.substr(0, at);
  const auto domain = input.substr(at + 1);
  if (local.size() > 64 || !is_dot_atom(local) || !is_domain(domain)) return std::nullopt;
  std::string normalized(input);
  std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return normalized;
}

}  // namespace auth
