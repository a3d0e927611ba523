#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace orders {

// The life of an order, as its customer follows it:
//
//   pending ──stock held──▶ awaiting_payment ──authorized──▶ paid ──▶ shipped ──▶ delivered
//      │                         │                            │          │            │
//      └────────────▶ cancelled ◀┘◀───────────────────────────┘      refunds: partially_refunded
//                                                                           ──▶ refunded
//
// pending: placed, stock being reserved; awaiting_payment: stock held, the
// card being authorized; paid: authorized and the stock confirmed; shipped:
// handed to a carrier (the payment captured); cancelled: ended before
// shipment, with a reason, everything held given back.
enum class OrderStatus {
  pending,
  awaiting_payment,
  paid,
  shipped,
  delivered,
  cancelled,
  partially_refunded,
  refunded,
};

std::string_view to_string(OrderStatus status);
std::optional<OrderStatus> parse_order_status(std::string_view text);

// Whether an order may go from `from` to `to`. Everything else is refused:
// no status is skipped, nothing comes back from cancelled or refunded.
bool may_move(OrderStatus from, OrderStatus to);

// The statuses an order in `from` may move to, for error messages and docs.
std::span<const OrderStatus> next_statuses(OrderStatus from);

// Cancelling is allowed until the order leaves the warehouse.
bool is_cancellable(OrderStatus status);
// Final: nothing more will happen to the order by itself.
bool is_final(OrderStatus status);

}  // namespace orders
