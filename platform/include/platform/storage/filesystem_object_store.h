#pragma once

#include <filesystem>

#include "platform/storage/object_store.h"

namespace platform::storage {

// Objects as files under a root directory (embedded mode, and a volume in a
// container): the key is the relative path. Writes are atomic renames, so a
// crash leaves the old object or the new one.
class FilesystemObjectStore final : public ObjectStore {
 public:
  explicit FilesystemObjectStore(std::filesystem::path root);

  void put(std::string_view key, std::string_view bytes) override;
  std::optional<std::string> get(std::string_view key) override;
  std::optional<std::uint64_t> size(std::string_view key) override;
  void remove(std::string_view key) override;

 private:
  std::filesystem::path path_of(std::string_view key) const;

  std::filesystem::path root_;
};

}  // namespace platform::storage
