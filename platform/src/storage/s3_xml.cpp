#include "s3_xml.h"

#include <charconv>

namespace platform::storage::s3_xml {

namespace {

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// The character an entity stands for, appended; false for an unknown one,
// which is then kept as written.
bool decode_entity(std::string_view entity, std::string& out) {
  if (entity == "amp")
    out += '&';
  else if (entity == "lt")
    out += '<';
  else if (entity == "gt")
    out += '>';
  else if (entity == "quot")
    out += '"';
  else if (entity == "apos")
    out += '\'';
  else if (entity.size() > 1 && entity[0] == '#') {
    const bool hexadecimal = entity[1] == 'x' || entity[1] == 'X';
    const auto digits = entity.substr(hexadecimal ? 2 : 1);
    std::uint32_t code_point = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(),
                                              code_point, hexadecimal ? 16 : 10);
    if (error != std::errc() || end != digits.data() + digits.size() || code_point > 0x10FFFF) {
      return false;
    }
    append_utf8(out, code_point);
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> element_text(std::string_view document, std::string_view name) {
  const std::string open = "<" + std::string(name) + ">";
  const std::string close = "</" + std::string(name) + ">";
  const auto start = document.find(open);
  if (start == std::string_view::npos) return std::nullopt;
  const auto text_start = start + open.size();
  const auto end = document.find(close, text_start);
  if (end == std::string_view::npos) return std::nullopt;
  const auto raw = document.substr(text_start, end - text_start);
  std::string text;
  text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto semicolon = raw[i] == '&' ? raw.find(';', i) : std::string_view::npos;
    if (semicolon != std::string_view::npos &&
        decode_entity(raw.substr(i + 1, semicolon - i - 1), text)) {
      i = semicolon;
    } else {
      text += raw[i];
    }
  }
  return text;
}

}  // namespace platform::storage::s3_xml
