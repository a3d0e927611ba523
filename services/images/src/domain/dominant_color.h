#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace images {

// The colour most of a picture is made of, as "#rrggbb": pixels grouped
// into 4096 buckets (4 bits a channel), the fullest bucket's mean. Pages
// paint it while the picture loads. `pixels` are 8-bit samples, `bands` of
// them a pixel (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA); mostly transparent
// pixels do not count. "#000000" when nothing counts.
std::string dominant_color(std::span<const std::uint8_t> pixels, int bands);

}  // namespace images
