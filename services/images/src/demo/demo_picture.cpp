#include "demo/demo_picture.h"

#include <glib.h>

#include <array>
#include <memory>
#include <vips/vips8>

#include "platform/crypto.h"

namespace images {

namespace {

using vips::VImage;

std::vector<double> colour(const std::string& hash, std::size_t at, double floor) {
  std::vector<double> rgb;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto byte = static_cast<unsigned char>(hash[at + i]);
    rgb.push_back(floor + (255.0 - floor) * byte / 255.0);
  }
  return rgb;
}

}  // namespace

std::string draw_demo_picture(std::string_view seed, int width, int height) {
  const auto hash = platform::crypto::sha256(seed);
  const auto top = colour(hash, 0, 150);
  const auto bottom = colour(hash, 3, 110);
  // A vertical blend of the two background colours.
  const auto rows = VImage::xyz(width, height)[1] / static_cast<double>(height - 1);
  auto image =
      (rows * std::vector<double>{bottom[0] - top[0], bottom[1] - top[1], bottom[2] - top[2]} + top)
          .cast(VIPS_FORMAT_UCHAR)
          .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  const auto at = [&](std::size_t index, int extent) {
    return extent / 4 + static_cast<unsigned char>(hash[index]) * extent / 2 / 255;
  };
  image = image.copy_memory();
  image.draw_circle(colour(hash, 6, 20), at(9, width), at(10, height),
                    width / 5 + static_cast<unsigned char>(hash[11]) % 40,
                    VImage::option()->set("fill", true));
  image.draw_rect(colour(hash, 12, 40), width / 8, height * 3 / 4, width * 3 / 4, height / 12,
                  VImage::option()->set("fill", true));
  void* buffer = nullptr;
  std::size_t size = 0;
  image.write_to_buffer(".jpg", &buffer, &size, VImage::option()->set("Q", 85));
  const std::unique_ptr<void, decltype(&g_free)> owned(buffer, &g_free);
  return {static_cast<const char*>(buffer), size};
}

}  // namespace images
