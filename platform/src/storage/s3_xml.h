#pragma once

#include <optional>
#include <string>
#include <string_view>

// The little XML an S3 client reads and writes: the text of one element of
// a response (UploadId, an error's Code and Message) and escaped text for
// the one request body it sends (the part list completing an upload).
namespace platform::storage::s3_xml {

// The decoded text of the first <name>...</name> in `document`, or nullopt.
std::optional<std::string> element_text(std::string_view document, std::string_view name);

std::string escape(std::string_view text);

}  // namespace platform::storage::s3_xml
