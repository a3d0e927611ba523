#pragma once

#include <vector>

#include "domain/interaction_log.h"
#include "platform/bus/event.h"

namespace recommendations {

// The subjects recommendations learn from.
inline constexpr const char* kOrderPaid = "orders.order.paid";
inline constexpr const char* kProductViewed = "customers.product.viewed";
inline constexpr const char* kCartItemAdded = "cart.item.added";

// What one event says customers did: a purchase per line of a paid order,
// a view, an addition to a signed-in customer's cart (a guest's cart names
// no customer, so it teaches nothing that could be served back). Throws
// platform::Error(invalid_argument) naming the field for data it cannot use.
std::vector<LoggedInteraction> interactions_of(const platform::bus::Event& event);

}  // namespace recommendations
