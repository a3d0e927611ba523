#include "domain/image_format.h"

#include <algorithm>

namespace images {

namespace {

bool starts_with_bytes(std::string_view bytes, std::string_view prefix, std::size_t at = 0) {
  return bytes.size() >= at + prefix.size() && bytes.substr(at, prefix.size()) == prefix;
}

// ISO BMFF: a first box "ftyp" whose major brand, or one of its compatible
// brands, is AVIF's (still "avif" or sequence "avis").
bool is_avif(std::string_view bytes) {
  if (!starts_with_bytes(bytes, "ftyp", 4) || bytes.size() < 16) return false;
  const auto box_size = (static_cast<std::size_t>(static_cast<unsigned char>(bytes[0])) << 24) |
                        (static_cast<std::size_t>(static_cast<unsigned char>(bytes[1])) << 16) |
                        (static_cast<std::size_t>(static_cast<unsigned char>(bytes[2])) << 8) |
                        static_cast<std::size_t>(static_cast<unsigned char>(bytes[3]));
  const auto end = std::min(box_size, bytes.size());
  for (std::size_t brand = 8; brand + 4 <= end; brand += 4) {
    if (brand == 12) continue;  // the minor version, not a brand
    const auto name = bytes.substr(brand, 4);
    if (name == "avif" || name == "avis") return true;
  }
  return false;
}

}  // namespace

std::optional<ImageFormat> sniff_format(std::string_view bytes) {
  if (starts_with_bytes(bytes, "\xFF\xD8\xFF")) return ImageFormat::jpeg;
  if (starts_with_bytes(bytes, "\x89PNG\r\n\x1A\n")) return ImageFormat::png;
  if (starts_with_bytes(bytes, "GIF87a") || starts_with_bytes(bytes, "GIF89a")) {
    return ImageFormat::gif;
  }
  if (starts_with_bytes(bytes, "RIFF") && starts_with_bytes(bytes, "WEBP", 8)) {
    return ImageFormat::webp;
  }
  if (is_avif(bytes)) return ImageFormat::avif;
  return std::nullopt;
}

std::string_view media_type_of(ImageFormat format) {
  switch (format) {
    case ImageFormat::jpeg:
      return "image/jpeg";
    case ImageFormat::png:
      return "image/png";
    case ImageFormat::webp:
      return "image/webp";
    case ImageFormat::gif:
      return "image/gif";
    case ImageFormat::avif:
      return "image/avif";
  }
  return "application/octet-stream";
}

std::string_view extension_of(ImageFormat format) {
  return format == ImageFormat::jpeg ? "jpg" : name_of(format);
}

std::string_view name_of(ImageFormat format) {
  switch (format) {
    case ImageFormat::jpeg:
      return "jpeg";
    case ImageFormat::png:
      return "png";
    case ImageFormat::webp:
      return "webp";
    case ImageFormat::gif:
      return "gif";
    case ImageFormat::avif:
      return "avif";
  }
  return "unknown";
}

std::optional<ImageFormat> format_named(std::string_view name) {
  if (name == "jpeg" || name == "jpg") return ImageFormat::jpeg;
  if (name == "png") return ImageFormat::png;
  if (name == "webp") return ImageFormat::webp;
  if (name == "gif") return ImageFormat::gif;
  if (name == "avif") return ImageFormat::avif;
  return std::nullopt;
}

}  // namespace images
