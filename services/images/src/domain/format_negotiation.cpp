#include "domain/format_negotiation.h"

#include <cctype>
#include <charconv>

namespace images {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Whether `accept` names `media_type` with a q above zero (RFC 9110 12.5.1).
bool accepts(std::string_view accept, std::string_view media_type) {
  while (!accept.empty()) {
    const auto comma = accept.find(',');
    const auto item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    const auto semicolon = item.find(';');
    if (!equal_ignoring_case(trimmed(item.substr(0, semicolon)), media_type)) continue;
    bool refused = false;
    auto parameters =
        semicolon == std::string_view::npos ? std::string_view() : item.substr(semicolon + 1);
    while (!parameters.empty()) {
      const auto next = parameters.find(';');
      const auto parameter = trimmed(parameters.substr(0, next));
      parameters =
          next == std::string_view::npos ? std::string_view() : parameters.substr(next + 1);
      if (parameter.size() > 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
          parameter[1] == '=') {
        // q=0, q=0.0, q=0.000: refused; anything else counts as wanted.
        const auto value = parameter.substr(2);
        refused = value.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    if (!refused) return true;
  }
  return false;
}

}  // namespace

ImageFormat negotiate_format(std::string_view accept, bool has_alpha, EncoderSupport support) {
  if (support.avif && accepts(accept, "image/avif")) return ImageFormat::avif;
  if (accepts(accept, "image/webp")) return ImageFormat::webp;
  return has_alpha ? ImageFormat::png : ImageFormat::jpeg;
}

}  // namespace images
