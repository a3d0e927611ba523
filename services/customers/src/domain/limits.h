#pragma once

#include <cstddef>

namespace customers {

// How much one customer may keep: bounds that keep every list a single page
// and every export small.
inline constexpr std::size_t kMaxAddresses = 20;
inline constexpr std::size_t kMaxWishlistItems = 200;
// Older views are dropped as new ones arrive.
inline constexpr std::size_t kRecentlyViewedKept = 50;
inline constexpr std::size_t kRecentlyViewedShown = 20;

}  // namespace customers
