#pragma once

#include <optional>
#include <string_view>

namespace images {

enum class ImageFormat { jpeg, png, webp, gif, avif };

// The format the first bytes of a file announce, whatever its name or
// declared type says; nullopt for anything else (HEIC, SVG, text...).
std::optional<ImageFormat> sniff_format(std::string_view bytes);

std::string_view media_type_of(ImageFormat format);              // "image/webp"
std::string_view extension_of(ImageFormat format);               // "webp"
std::string_view name_of(ImageFormat format);                    // "webp", as in JSON and URLs
std::optional<ImageFormat> format_named(std::string_view name);  // "jpg" too

}  // namespace images
