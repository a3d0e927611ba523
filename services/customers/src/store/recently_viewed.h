#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/product_lists.h"
#include "platform/bus/outbox_transactions.h"
#include "store/customer_rows.h"

namespace customers {

// The products a customer looked at last: the newest kRecentlyViewedKept.
class RecentlyViewed {
 public:
  explicit RecentlyViewed(platform::bus::OutboxTransactions& transactions)
      : transactions_(transactions) {}

  // The newest `limit`, newest first; nullopt when the customer has no profile.
  std::optional<std::vector<ViewedProduct>> list(const std::string& customer_id, std::size_t limit);
  // Records a view (a product seen again moves to the front), drops views
  // beyond kRecentlyViewedKept and publishes customers.product.viewed, in one
  // transaction.
  ViewedProduct record(const std::string& customer_id, const std::string& product_id,
                       IfMissing if_missing);

  static std::vector<ViewedProduct> newest(platform::db::Session& session,
                                           const std::string& customer_id, std::size_t limit);

 private:
  platform::bus::OutboxTransactions& transactions_;
};

}  // namespace customers
