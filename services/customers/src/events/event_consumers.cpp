#include "events/event_consumers.h"

#include "events/inbound_events.h"
#include "platform/bus/event_data.h"
#include "platform/bus/outbox.h"
#include "platform/error.h"
#include "platform/log.h"
#include "store/order_history.h"
#include "store/profiles.h"

namespace customers {
namespace {

using platform::bus::Event;
using platform::db::Session;
using Counters = platform::metrics::Family<platform::metrics::Counter>;
using platform::bus::counted_exactly_once;

std::string_view apply_registration(Session& session, const Event& event) {
  const auto registered = platform::bus::read_or_skip(event, parse_user_registered);
  if (!registered) return "invalid";
  return to_string(Profiles::register_user(session, *registered));
}

std::string_view apply_order(Session& session, const Event& event) {
  const auto order = platform::bus::read_or_skip(event, parse_order_event);
  if (!order) return "invalid";
  return to_string(OrderHistory::apply(session, *order));
}

}  // namespace

EventConsumers::EventConsumers(platform::db::Database& database, platform::bus::EventBus& bus,
                               Counters& events, const ConsumerNames& names) {
  platform::bus::SubscriptionOptions registrations;
  registrations.durable_name = names.registrations;
  registrations.subject_filter = "auth.user.registered";
  registrations_ = bus.subscribe(registrations, counted_exactly_once(database, names.registrations,
                                                                     events, apply_registration));

  platform::bus::SubscriptionOptions orders;
  orders.durable_name = names.orders;
  orders.subject_filter = "orders.order.>";
  orders_ =
      bus.subscribe(orders, counted_exactly_once(database, names.orders, events, apply_order));
}

EventConsumers::~EventConsumers() = default;

}  // namespace customers
