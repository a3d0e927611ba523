#pragma once

#include <cstdint>
#include <string>

#include "domain/image_format.h"

namespace images {

// What the service knows of a stored original.
struct ImageRecord {
  std::string id;  // 64 hex digits: the SHA-256 of the stored bytes
  ImageFormat uploaded_format = ImageFormat::jpeg;
  ImageFormat stored_format = ImageFormat::jpeg;
  int width = 0;
  int height = 0;
  std::int64_t bytes = 0;
  bool has_alpha = false;
  std::string dominant_color;
  std::string uploaded_by;
  std::int64_t created_at = 0;  // Unix milliseconds
};

// Whether `text` could be an image id: 64 lower-case hex digits.
bool is_image_id(std::string_view text);

// Object-store keys. Originals and variants are spread over 256 prefixes
// by their first two hex digits, which keeps directories small on disk.
std::string original_key(std::string_view image_id);
std::string variant_key(std::string_view image_id, std::string_view variant_name);

}  // namespace images
