#include "domain/format_negotiation.h"

#include "platform/text.h"

namespace images {

namespace {

// Whether `accept` names `media_type` with a q above zero (RFC 9110 12.5.1).
bool accepts(std::string_view accept, std::string_view media_type) {
  while (!accept.empty()) {
    const auto comma = accept.find(',');
    const auto item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    const auto semicolon = item.find(';');
    if (!platform::equal_ignoring_case(platform::trim_blanks(item.substr(0, semicolon)),
                                       media_type))
      continue;
    bool refused = false;
    auto parameters =
        semicolon == std::string_view::npos ? std::string_view() : item.substr(semicolon + 1);
    while (!parameters.empty()) {
      const auto next = parameters.find(';');
      const auto parameter = platform::trim_blanks(parameters.substr(0, next));
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
