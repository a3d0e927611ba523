#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace customers {

// The lifecycle the orders service reports, in the order it moves forward.
enum class OrderStatus { placed, paid, shipped, delivered, cancelled, refunded };

std::string_view to_string(OrderStatus status);
std::optional<OrderStatus> parse_order_status(std::string_view text);

// One order as the customer's history shows it: a copy of what the orders
// service announced, never changed here.
struct OrderSummary {
  std::string order_id;
  std::string customer_id;
  OrderStatus status = OrderStatus::placed;
  std::int64_t total_amount = 0;  // minor units
  std::string currency;
  std::int64_t item_count = 0;
  std::int64_t placed_at = 0;   // Unix milliseconds
  std::int64_t updated_at = 0;  // occurred_at of the event that set this state
};

// Events about one order may arrive in any order (redelivery, parallel
// consumers). An event is applied unless it is older than the one that set
// the stored state; at the same instant the status further along wins, so
// the outcome does not depend on arrival order.
bool supersedes(const OrderSummary& incoming, const OrderSummary& stored);

}  // namespace customers
