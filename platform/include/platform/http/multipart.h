#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platform::http {

// One part of a multipart/form-data body (RFC 7578). `body` points into the
// request body, which must outlive it.
struct FormPart {
  std::string name;
  std::string filename;      // empty when the part is no file
  std::string content_type;  // as declared; "text/plain" when absent
  std::string_view body;

  bool operator==(const FormPart&) const = default;
};

// The boundary of a "multipart/form-data; boundary=..." Content-Type, or
// nullopt when the type is another or the boundary is missing or invalid.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// The parts of a multipart/form-data body, or nullopt when it is malformed:
// no opening or closing delimiter, a part without a Content-Disposition
// form-data name, header lines that do not end, more than `max_parts`.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view boundary,
                                                     std::size_t max_parts = 16);

}  // namespace platform::http
