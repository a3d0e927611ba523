#pragma once

#include <optional>
#include <string>
#include <string_view>

// The little XML an S3 client reads: the text of one element of a response
// (UploadId, an error's Code and Message). What it writes (the part list
// completing an upload) is escaped with platform::escape_html.
namespace platform::storage::s3_xml {

// The decoded text of the first <name>...</name> in `document`, or nullopt.
std::optional<std::string> element_text(std::string_view document, std::string_view name);

}  // namespace platform::storage::s3_xml
