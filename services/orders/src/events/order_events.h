#pragma once

#include <optional>
#include <string_view>

#include "domain/order.h"
#include "platform/bus/event.h"

namespace orders {

// The event announcing that `order` took `status`, when it is one the other
// services hear about: orders.order.placed (pending), .paid, .shipped,
// .delivered, .cancelled, .refunded (partially too). awaiting_payment stays
// inside this service.
//
// data: {"order_id", "customer_id", "status" (the event's verb: placed, paid,
// ...), "order_status" (the order's own status), "total": money,
// "refunded": money, "item_count", "placed_at", "lines": [{"product_id",
// "quantity", "total"}], and "reason" (cancelled), "carrier" and
// "tracking_number" (shipped)}.
std::optional<platform::bus::Event> status_event(const Order& order, OrderStatus status);

}  // namespace orders
