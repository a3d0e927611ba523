#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/order_summary.h"
#include "domain/page_cursor.h"
#include "platform/bus/outbox_transactions.h"
#include "store/customer_rows.h"

namespace customers {

// The customer's orders as the orders service announced them: a read model
// this service never changes except from those events.
class OrderHistory {
 public:
  explicit OrderHistory(platform::bus::OutboxTransactions& transactions)
      : transactions_(transactions) {}

  // Newest first; nullopt when the customer has no profile.
  std::optional<Page<OrderSummary>> list(const std::string& customer_id, const PageRequest& page);

  static std::vector<OrderSummary> all(platform::db::Session& session,
                                       const std::string& customer_id);
  // An orders.order.* event: inserts the order, or updates it unless the
  // stored state supersedes this one (see supersedes()). An order makes its
  // customer's profile exist; orders of erased customers are not kept.
  static EventEffect apply(platform::db::Session& session, const OrderSummary& order);

 private:
  platform::bus::OutboxTransactions& transactions_;
};

}  // namespace customers
