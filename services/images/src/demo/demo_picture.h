#pragma once

#include <string>
#include <string_view>

namespace images {

// A product picture for the demo shop, drawn by libvips from `seed` (the
// product's SKU): a soft two-colour background, a large disc and a
// rounded bar in colours of their own, so every product looks different
// and the same product always looks the same. A width x height JPEG.
std::string draw_demo_picture(std::string_view seed, int width = 800, int height = 800);

}  // namespace images
