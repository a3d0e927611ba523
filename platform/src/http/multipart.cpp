#include "platform/http/multipart.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "platform/text.h"

namespace platform::http {

namespace {

// The value of `parameter` in "form-data; name=\"file\"; filename=\"a.jpg\"",
// quoted (with backslash escapes) or a bare token; nullopt when absent or
// when a quote never closes.
std::optional<std::string> parameter_of(std::string_view header, std::string_view parameter) {
  std::vector<std::pair<std::string, std::string>> parameters;
  std::string name;
  std::string value;
  bool in_value = false;
  bool quoted = false;
  bool skipped_type = false;  // the first segment is the type itself
  const auto finish = [&] {
    if (skipped_type && in_value) parameters.emplace_back(ascii_lower(trim_blanks(name)), value);
    skipped_type = true;
    name.clear();
    value.clear();
    in_value = false;
  };
  for (std::size_t i = 0; i < header.size(); ++i) {
    const char c = header[i];
    if (quoted) {
      if (c == '\\' && i + 1 < header.size()) {
        value += header[++i];
      } else if (c == '"') {
        quoted = false;
      } else {
        value += c;
      }
    } else if (c == ';') {
      finish();
    } else if (in_value) {
      if (c == '"' && trim_blanks(value).empty()) {
        value.clear();
        quoted = true;
      } else if (c != ' ' && c != '\t') {
        value += c;
      }
    } else if (c == '=' && skipped_type) {
      in_value = true;
    } else {
      name += c;
    }
  }
  if (quoted) return std::nullopt;
  finish();
  for (const auto& [found, text] : parameters) {
    if (found == parameter) return text;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  if (ascii_lower(trim_blanks(content_type.substr(0, semicolon))) != "multipart/form-data") {
    return std::nullopt;
  }
  auto boundary = parameter_of(content_type, "boundary");
  // RFC 2046: 1 to 70 characters, not ending in a space.
  if (!boundary || boundary->empty() || boundary->size() > 70 || boundary->back() == ' ') {
    return std::nullopt;
  }
  return boundary;
}

std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view boundary,
                                                     std::size_t max_parts) {
  const std::string delimiter = "--" + std::string(boundary);
  const std::string separator = "\r\n" + delimiter;
  // The preamble before the first delimiter is ignored (RFC 2046 5.1.1).
  std::size_t at = body.substr(0, delimiter.size()) == delimiter ? 0 : body.find(separator);
  if (at == std::string_view::npos) return std::nullopt;
  at += at == 0 ? delimiter.size() : separator.size();
  std::vector<FormPart> parts;
  while (true) {
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    // Transport padding, then the line break that ends the delimiter line.
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (body.substr(at, 2) != "\r\n") return std::nullopt;
    at += 2;
    if (parts.size() == max_parts) return std::nullopt;
    FormPart part;
    part.content_type = "text/plain";
    bool named = false;
    while (true) {
      const auto line_end = body.find("\r\n", at);
      if (line_end == std::string_view::npos) return std::nullopt;
      const auto line = body.substr(at, line_end - at);
      at = line_end + 2;
      if (line.empty()) break;
      const auto colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      const auto field = ascii_lower(trim_blanks(line.substr(0, colon)));
      const auto value = trim_blanks(line.substr(colon + 1));
      if (field == "content-disposition") {
        if (ascii_lower(trim_blanks(value.substr(0, value.find(';')))) != "form-data")
          return std::nullopt;
        const auto name = parameter_of(value, "name");
        if (!name) return std::nullopt;
        part.name = *name;
        part.filename = parameter_of(value, "filename").value_or("");
        named = true;
      } else if (field == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!named) return std::nullopt;
    const auto end = body.find(separator, at);
    if (end == std::string_view::npos) return std::nullopt;
    part.body = body.substr(at, end - at);
    parts.push_back(std::move(part));
    at = end + separator.size();
  }
}

}  // namespace platform::http
