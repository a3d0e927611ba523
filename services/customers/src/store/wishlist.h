#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/product_lists.h"
#include "platform/bus/outbox_transactions.h"
#include "store/customer_rows.h"

namespace customers {

// Products a customer keeps for later: at most kMaxWishlistItems.
class Wishlist {
 public:
  explicit Wishlist(platform::bus::OutboxTransactions& transactions)
      : transactions_(transactions) {}

  // Newest first; nullopt when the customer has no profile.
  std::optional<std::vector<WishlistItem>> list(const std::string& customer_id);
  // Adds the product unless it is there already; returns the item and whether
  // it was added now. 409 wishlist-full beyond kMaxWishlistItems.
  std::pair<WishlistItem, bool> add(const std::string& customer_id, const std::string& product_id,
                                    IfMissing if_missing);
  // wishlist-item-not-found when it is not there.
  void remove(const std::string& customer_id, const std::string& product_id);

  static std::vector<WishlistItem> all(platform::db::Session& session,
                                       const std::string& customer_id);

 private:
  platform::bus::OutboxTransactions& transactions_;
};

}  // namespace customers
