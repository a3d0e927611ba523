#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace platform {

// The whole file, as bytes. Throws std::runtime_error naming the file when
// it cannot be read.
std::string read_file(const std::filesystem::path& path);

// Replaces `path` with `bytes` so that a reader, or the file after a crash,
// holds the old content or the new one and never a mix: written to a
// temporary file beside it, flushed to disk, then renamed over it. Throws
// std::runtime_error naming the file when any step fails; the temporary
// file does not survive a failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace platform
