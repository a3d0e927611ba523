#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace customers {

// Products a customer keeps for later. Product ids are the catalog's; this
// service keeps them as opaque strings (see is_opaque_id).
struct WishlistItem {
  std::string product_id;
  std::int64_t added_at = 0;  // Unix milliseconds
};

// Products a customer looked at, for "recently viewed" and recommendations.
struct ViewedProduct {
  std::string product_id;
  std::int64_t viewed_at = 0;  // Unix milliseconds
};

inline constexpr std::size_t kMaxWishlistItems = 200;
// Older views are dropped as new ones arrive; a list shows the newest.
inline constexpr std::size_t kRecentlyViewedKept = 50;
inline constexpr std::size_t kRecentlyViewedShown = 20;

}  // namespace customers
