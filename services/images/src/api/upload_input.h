#pragma once

#include <string_view>

#include "platform/http/message.h"

namespace images {

// The picture in an upload request: the raw body under an image/* type,
// or the file part of a multipart/form-data form (a field named "file",
// else the only part with a file name). Throws platform::Error:
// unsupported_media_type for other types, invalid_argument for a form
// without a file or a malformed one. The view points into the request.
std::string_view uploaded_picture(const platform::http::Request& request);

}  // namespace images
