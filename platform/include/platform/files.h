#pragma once

#include <filesystem>
#include <string>

namespace platform {

// The whole file, as bytes. Throws std::runtime_error naming the file when
// it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace platform
