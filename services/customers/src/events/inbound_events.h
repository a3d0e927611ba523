#pragma once

#include <cstdint>
#include <string>

#include "domain/order_summary.h"
#include "platform/bus/event.h"

namespace customers {

// What the events this service consumes carry, read strictly but tolerant of
// members added later (producers may grow their events). Each throws
// platform::Error(invalid_argument) naming what is missing or malformed: such
// an event can never be applied, however often it is delivered.

// auth.user.registered {"user_id", "email", "name", "registered_at"}
struct UserRegistered {
  std::string user_id;
  std::string email;
  std::string name;
  std::int64_t registered_at = 0;  // Unix milliseconds
};
UserRegistered parse_user_registered(const platform::bus::Event& event);

// orders.order.<status> {"order_id", "customer_id", "status", "total":
// {"amount", "currency"}, "item_count", "placed_at"}. The summary's
// updated_at is the event's occurred_at: the version of this state.
OrderSummary parse_order_event(const platform::bus::Event& event);

}  // namespace customers
