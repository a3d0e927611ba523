#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/format_negotiation.h"
#include "domain/image_format.h"
#include "domain/variant.h"

namespace images {

struct ProcessingLimits {
  // A 12 MP phone photo is 12 million; 20000 x 20000 (a decompression bomb
  // of a few kilobytes) is 400 million. Checked on the header, before any
  // pixel is decoded.
  std::uint64_t max_pixels = 50'000'000;
  int max_dimension = 16384;
};

// An upload made ready to keep: decoded, turned upright by its EXIF
// orientation, in sRGB, every piece of metadata (EXIF with its GPS
// position, XMP, comments) dropped, encoded again as JPEG (quality 95) or,
// when it has transparency, PNG.
struct PreparedOriginal {
  std::string bytes;
  ImageFormat uploaded_format = ImageFormat::jpeg;
  ImageFormat stored_format = ImageFormat::jpeg;
  int width = 0;
  int height = 0;
  bool has_alpha = false;
  std::string dominant_color;
};

// Throws platform::Error: unsupported_media_type ("unsupported-image-format")
// for bytes that are no JPEG, PNG, WebP, GIF or AVIF; payload_too_large
// ("image-too-large") past the limits; unprocessable ("unreadable-image")
// for a truncated or corrupt file.
PreparedOriginal prepare_original(std::string_view upload, const ProcessingLimits& limits);

// One rendition of a prepared original: scaled down (never up) and fitted
// as the variant says, encoded as `format` without metadata. Throws
// platform::Error (unprocessable, "unreadable-image") when libvips fails.
std::string render_variant(std::string_view original, const Variant& variant, ImageFormat format);

EncoderSupport encoder_support();

}  // namespace images
