#pragma once

#include <chrono>

#include "platform/bus/event_bus.h"
#include "platform/metrics.h"
#include "platform/periodic_task.h"

namespace platform::bus {

// The consumer-lag gauge, bus_consumer_backlog{consumer}: every `interval`,
// how many events each subscription alive on `bus` has yet to handle. Read
// on a timer rather than at scrape time, so that a slow bus never makes
// /metrics slow; a backlog that cannot be read keeps its last value and is
// logged. Make it once the service's subscriptions exist; destroy it
// before the bus.
class BacklogGauges {
 public:
  BacklogGauges(EventBus& bus, metrics::Registry& registry,
                std::chrono::milliseconds interval = std::chrono::seconds(10));

  // Reads every backlog now (tests; the timer does it otherwise).
  void sample();

 private:
  EventBus& bus_;
  metrics::Family<metrics::Gauge>& backlog_;
  PeriodicTask sampling_;  // last: stops first
};

}  // namespace platform::bus
