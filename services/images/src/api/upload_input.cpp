#include "api/upload_input.h"

#include "platform/error.h"
#include "platform/http/multipart.h"
#include "platform/text.h"

namespace images {

std::string_view uploaded_picture(const platform::http::Request& request) {
  const auto content_type = request.header("Content-Type");
  const auto media_type = platform::ascii_lower(content_type.substr(0, content_type.find(';')));
  if (media_type.rfind("image/", 0) == 0) return request.body;
  if (media_type != "multipart/form-data") {
    throw platform::Error(platform::ErrorKind::unsupported_media_type, "unsupported-media-type",
                          "send the picture as an image/* body or in a multipart/form-data form");
  }
  const auto boundary = platform::http::multipart_boundary(content_type);
  const auto parts =
      boundary ? platform::http::parse_multipart(request.body, *boundary) : std::nullopt;
  if (!parts) {
    throw platform::Error(platform::ErrorKind::invalid_argument, "malformed-form",
                          "the multipart/form-data body cannot be read");
  }
  const platform::http::FormPart* picture = nullptr;
  int files = 0;
  for (const auto& part : *parts) {
    if (part.name == "file") return part.body;
    if (!part.filename.empty()) {
      picture = &part;
      ++files;
    }
  }
  if (files != 1) {
    throw platform::invalid_field("file", "the form must carry the picture in a field named file");
  }
  return picture->body;
}

}  // namespace images
