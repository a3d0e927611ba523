#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Where a service keeps blobs (image originals and variants): bytes under a
// key, nothing else. What a blob is (its type, size, owner) lives in the
// service's database, so the filesystem and S3 behave the same (ADR 0016).
namespace platform::storage {

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  // Stores `bytes` under `key`, replacing what was there. A reader sees the
  // old object or the new one, never a part of either. Throws Error
  // (unavailable) when the store cannot be reached or refuses.
  virtual void put(std::string_view key, std::string_view bytes) = 0;
  // The object, or nullopt when there is none under `key`.
  virtual std::optional<std::string> get(std::string_view key) = 0;
  // The object's size in bytes, or nullopt when there is none.
  virtual std::optional<std::uint64_t> size(std::string_view key) = 0;
  // Removes the object; removing what is not there is not an error.
  virtual void remove(std::string_view key) = 0;
};

// Keys are chosen by services, never taken from a client as they are, and
// both stores accept only this safe subset of S3's keys: 1 to 512 bytes of
// A-Z a-z 0-9 and "-._/", segments separated by single slashes, none empty,
// "." or "..". Throws Error(invalid_argument, "bad-object-key") otherwise,
// so no key can leave the filesystem store's root.
void check_object_key(std::string_view key);

}  // namespace platform::storage
