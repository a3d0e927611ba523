#pragma once

#include <chrono>
#include <cstddef>
#include <memory>

#include "platform/bus/event_bus.h"

namespace platform::bus {

struct InProcessBusOptions {
  // Events kept for consumers that have not subscribed yet or lag behind;
  // beyond this the oldest are dropped (and logged).
  std::size_t retained_events = 100'000;
  std::chrono::milliseconds dedupe_window{std::chrono::minutes(2)};
  std::chrono::milliseconds redelivery_delay{200};  // doubles per failed attempt
};

// The embedded mode's bus, with the consumer-visible semantics of the
// JetStream setup used in distributed mode: a stream of every event since the
// process started, durable consumers that resume where they acknowledged and
// share work when several subscribe under one name, subject filters,
// redelivery with backoff when a handler throws, parking after
// max_deliveries, and publish dedupe by event id. It does not survive a
// restart; the outboxes do, and their events are published again only if they
// were not yet (see docs/adr/0003-in-process-bus.md).
class InProcessBus final : public EventBus {
 public:
  explicit InProcessBus(InProcessBusOptions options = {});
  ~InProcessBus() override;

  void publish(const Event& event) override;
  bool ping() override { return true; }

  class State;  // shared with the subscriptions, which may outlive the bus object

 protected:
  std::unique_ptr<Subscription> open_subscription(const SubscriptionOptions& options,
                                                  EventHandler handler) override;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace platform::bus
