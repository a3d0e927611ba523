#pragma once

#include <vector>

#include "domain/address.h"
#include "domain/customer.h"
#include "domain/order_summary.h"
#include "domain/product_lists.h"

namespace customers {

// Everything this service holds about one customer: what an export shows
// and what an erasure removes.
struct CustomerData {
  Customer profile;
  std::vector<Address> addresses;
  std::vector<WishlistItem> wishlist;
  std::vector<ViewedProduct> recently_viewed;
  std::vector<OrderSummary> orders;
};

}  // namespace customers
