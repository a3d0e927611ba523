#include "events/order_events.h"

#include <boost/json.hpp>

#include "platform/clock.h"
#include "platform/money.h"

namespace orders {

namespace {

std::optional<std::string_view> verb_of(OrderStatus status) {
  switch (status) {
    case OrderStatus::pending:
      return "placed";
    case OrderStatus::paid:
      return "paid";
    case OrderStatus::shipped:
      return "shipped";
    case OrderStatus::delivered:
      return "delivered";
    case OrderStatus::cancelled:
      return "cancelled";
    case OrderStatus::partially_refunded:
    case OrderStatus::refunded:
      return "refunded";
    case OrderStatus::awaiting_payment:
      break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<platform::bus::Event> status_event(const Order& order, OrderStatus status) {
  const auto verb = verb_of(status);
  if (!verb) return std::nullopt;
  const auto& draft = order.draft;
  boost::json::array lines;
  for (const auto& line : draft.lines) {
    lines.push_back({{"product_id", line.product_id},
                     {"quantity", line.quantity},
                     {"total", platform::to_json({line.total, draft.currency})}});
  }
  boost::json::object data{
      {"order_id", order.id},
      {"customer_id", draft.customer_id},
      {"status", *verb},
      {"order_status", to_string(status)},
      {"total", platform::to_json({draft.totals.total, draft.currency})},
      {"refunded", platform::to_json({order.refunded, draft.currency})},
      {"item_count", item_count(draft)},
      {"placed_at", platform::format_rfc3339(platform::from_unix_millis(order.created_at))},
      {"lines", std::move(lines)},
  };
  if (status == OrderStatus::cancelled) data["reason"] = order.saga.cancel_reason;
  if (status == OrderStatus::shipped) {
    data["carrier"] = order.carrier;
    data["tracking_number"] = order.tracking_number;
  }
  return platform::bus::make_event("orders.order." + std::string(*verb),
                                   boost::json::serialize(data));
}

}  // namespace orders
