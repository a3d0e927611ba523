#include "domain/dominant_color.h"

#include <array>
#include <cstdio>

namespace images {

std::string dominant_color(std::span<const std::uint8_t> pixels, int bands) {
  struct Bucket {
    std::uint64_t count = 0;
    std::array<std::uint64_t, 3> sums{};
  };
  std::array<Bucket, 4096> buckets{};
  const bool colour = bands >= 3;
  const bool alpha = bands == 2 || bands == 4;
  const auto step = static_cast<std::size_t>(bands);
  for (std::size_t i = 0; step > 0 && i + step <= pixels.size(); i += step) {
    if (alpha && pixels[i + step - 1] < 128) continue;
    const std::array<std::uint8_t, 3> rgb = {pixels[i], colour ? pixels[i + 1] : pixels[i],
                                             colour ? pixels[i + 2] : pixels[i]};
    auto& bucket = buckets[(rgb[0] >> 4) << 8 | (rgb[1] >> 4) << 4 | (rgb[2] >> 4)];
    ++bucket.count;
    for (std::size_t channel = 0; channel < 3; ++channel) bucket.sums[channel] += rgb[channel];
  }
  const Bucket* fullest = &buckets[0];
  for (const auto& bucket : buckets) {
    if (bucket.count > fullest->count) fullest = &bucket;
  }
  if (fullest->count == 0) return "#000000";
  char text[8];
  const auto mean = [fullest](std::size_t channel) {
    return static_cast<unsigned>((fullest->sums[channel] + fullest->count / 2) / fullest->count);
  };
  std::snprintf(text, sizeof text, "#%02x%02x%02x", mean(0), mean(1), mean(2));
  return text;
}

}  // namespace images
