#pragma once

#include <memory>
#include <string>

#include "platform/bus/event_bus.h"
#include "platform/db/database.h"
#include "platform/metrics.h"

namespace customers {

// The durable consumers this service reads the bus with. Replicas share a
// name so that each event is handled once; separate instances on one bus
// (tests) each need their own.
struct ConsumerNames {
  std::string registrations = "customers-user-registrations";
  std::string orders = "customers-order-history";
};

// Subscribes to auth.user.registered and orders.order.> and applies each
// event exactly once (inbox claim and effect in one transaction). Counts
// every delivery in `events` {subject, outcome}: applied, stale (an older
// state than the stored one), erased (about an erased customer), duplicate
// (seen before), invalid (data that can never be applied: logged and
// acknowledged, not retried) or failed (retried later). RAII: deliveries
// stop when destroyed.
class EventConsumers {
 public:
  EventConsumers(platform::db::Database& database, platform::bus::EventBus& bus,
                 platform::metrics::Family<platform::metrics::Counter>& events,
                 const ConsumerNames& names);
  ~EventConsumers();
  EventConsumers(const EventConsumers&) = delete;
  EventConsumers& operator=(const EventConsumers&) = delete;

 private:
  std::unique_ptr<platform::bus::Subscription> registrations_;
  std::unique_ptr<platform::bus::Subscription> orders_;
};

}  // namespace customers
