#pragma once

#include <memory>
#include <string>
#include <vector>

#include "platform/bus/event_bus.h"
#include "platform/db/database.h"
#include "platform/metrics.h"

namespace recommendations {

// The durable consumers this service reads the bus with. Replicas share
// the names so that each event is logged once; separate instances on one
// bus (tests) each need their own. A new consumer reads the stream from
// its first event: a new deployment learns from the whole past.
struct ConsumerOptions {
  std::string orders = "recommendations-orders";
  std::string views = "recommendations-views";
  std::string carts = "recommendations-carts";
  std::string catalog = "recommendations-catalog";
  platform::bus::SubscriptionOptions::Start start =
      platform::bus::SubscriptionOptions::Start::first_event;

  // "<prefix>-orders", "<prefix>-views", ...: separate deployments on one
  // bus, each reading every event.
  static ConsumerOptions named(const std::string& prefix) {
    return {.orders = prefix + "-orders",
            .views = prefix + "-views",
            .carts = prefix + "-carts",
            .catalog = prefix + "-catalog"};
  }
};

// Subscribes to orders.order.paid, customers.product.viewed and
// cart.item.added, writing what they tell into the interaction log, and to
// the catalog's events, keeping the products' facts. Exactly once per event
// (inbox claim and effect in one transaction). Every delivery is counted in
// `events` {subject, outcome}: applied, ignored (a guest's cart, a
// category), invalid (logged and acknowledged), duplicate or failed
// (delivered again). RAII: deliveries stop when destroyed.
class EventConsumers {
 public:
  EventConsumers(platform::db::Database& database, platform::bus::EventBus& bus,
                 platform::metrics::Family<platform::metrics::Counter>& events,
                 const ConsumerOptions& options = {});
  ~EventConsumers();
  EventConsumers(const EventConsumers&) = delete;
  EventConsumers& operator=(const EventConsumers&) = delete;

 private:
  std::vector<std::unique_ptr<platform::bus::Subscription>> subscriptions_;
};

}  // namespace recommendations
