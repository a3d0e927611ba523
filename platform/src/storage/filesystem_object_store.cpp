#include "platform/storage/filesystem_object_store.h"

#include <system_error>

#include "platform/error.h"
#include "platform/files.h"

namespace platform::storage {

namespace {

[[noreturn]] void unavailable(const std::string& message) {
  throw Error(ErrorKind::unavailable, "object-store-unavailable", message);
}

}  // namespace

FilesystemObjectStore::FilesystemObjectStore(std::filesystem::path root) : root_(std::move(root)) {
  std::error_code failure;
  std::filesystem::create_directories(root_, failure);
  if (failure) unavailable("cannot create " + root_.string() + ": " + failure.message());
}

std::filesystem::path FilesystemObjectStore::path_of(std::string_view key) const {
  check_object_key(key);
  return root_ / std::filesystem::path(key);
}

void FilesystemObjectStore::put(std::string_view key, std::string_view bytes) {
  const auto path = path_of(key);
  std::error_code failure;
  std::filesystem::create_directories(path.parent_path(), failure);
  if (failure)
    unavailable("cannot create " + path.parent_path().string() + ": " + failure.message());
  try {
    write_file_atomically(path, bytes);
  } catch (const std::runtime_error& error) {
    unavailable(error.what());
  }
}

std::optional<std::string> FilesystemObjectStore::get(std::string_view key) {
  const auto path = path_of(key);
  std::error_code failure;
  if (!std::filesystem::is_regular_file(path, failure)) return std::nullopt;
  try {
    return read_file(path);
  } catch (const std::runtime_error& error) {
    // Removed between the check and the read: as good as never there.
    if (!std::filesystem::exists(path, failure)) return std::nullopt;
    unavailable(error.what());
  }
}

std::optional<std::uint64_t> FilesystemObjectStore::size(std::string_view key) {
  const auto path = path_of(key);
  std::error_code failure;
  const auto status = std::filesystem::status(path, failure);
  if (status.type() == std::filesystem::file_type::not_found) return std::nullopt;
  if (failure) unavailable("cannot read " + path.string() + ": " + failure.message());
  // A key that is a prefix of others ("a" of "a/b") names a directory here.
  if (status.type() != std::filesystem::file_type::regular) return std::nullopt;
  const auto bytes = std::filesystem::file_size(path, failure);
  if (failure == std::errc::no_such_file_or_directory) return std::nullopt;
  if (failure) unavailable("cannot read " + path.string() + ": " + failure.message());
  return bytes;
}

void FilesystemObjectStore::remove(std::string_view key) {
  const auto path = path_of(key);
  std::error_code failure;
  std::filesystem::remove(path, failure);
  if (failure && failure != std::errc::no_such_file_or_directory) {
    unavailable("cannot remove " + path.string() + ": " + failure.message());
  }
}

}  // namespace platform::storage
