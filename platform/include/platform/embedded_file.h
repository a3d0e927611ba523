#pragma once

#include <string>
#include <vector>

namespace platform {

// A text file compiled into the binary by cmake/EmbedFiles.cmake (migrations,
// OpenAPI documents), so that an executable carries everything it needs.
struct EmbeddedFile {
  std::string name;
  std::string content;
};

}  // namespace platform
