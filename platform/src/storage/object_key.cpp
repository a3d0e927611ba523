#include <cctype>

#include "platform/error.h"
#include "platform/storage/object_store.h"

namespace platform::storage {

namespace {

bool allowed(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '/';
}

}  // namespace

void check_object_key(std::string_view key) {
  const auto refuse = [key](const std::string& why) {
    throw Error(ErrorKind::invalid_argument, "bad-object-key",
                "object key '" + std::string(key.substr(0, 64)) + "' " + why);
  };
  if (key.empty() || key.size() > 512) refuse("must be 1 to 512 bytes");
  std::size_t segment_start = 0;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size() && !allowed(static_cast<unsigned char>(key[i]))) {
      refuse("has a character outside A-Z a-z 0-9 - . _ /");
    }
    if (i == key.size() || key[i] == '/') {
      const auto segment = key.substr(segment_start, i - segment_start);
      if (segment.empty() || segment == "." || segment == "..") {
        refuse("has an empty, '.' or '..' segment");
      }
      segment_start = i + 1;
    }
  }
}

}  // namespace platform::storage
