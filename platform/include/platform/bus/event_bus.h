#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "platform/bus/event.h"

namespace platform::bus {

// Called once per delivery. Returning acknowledges the event; throwing asks for
// redelivery later (at-least-once). Handlers must therefore be idempotent,
// which the Inbox makes easy.
using EventHandler = std::function<void(const Event&)>;

struct SubscriptionOptions {
  // Durable consumer name: deliveries resume where this consumer left off,
  // across restarts. Two subscriptions with the same name share the work.
  std::string durable_name;
  // NATS-style filter: "catalog.product.*", "catalog.>".
  std::string subject_filter;
  // A delivery not acknowledged within this time is redelivered.
  std::chrono::milliseconds ack_wait{30000};
  // After this many failed deliveries the event is parked and logged.
  int max_deliveries = 10;
};

class Subscription {
 public:
  virtual ~Subscription() = default;  // stops deliveries; waits for a running handler
};

class EventBus {
 public:
  virtual ~EventBus() = default;
  // Returns once the bus has durably accepted the event. Publishing the same
  // event id twice within the dedupe window stores it once. Throws
  // platform::Error(unavailable) if the bus cannot be reached.
  virtual void publish(const Event& event) = 0;
  virtual std::unique_ptr<Subscription> subscribe(const SubscriptionOptions& options,
                                                  EventHandler handler) = 0;
  // Whether the bus is reachable (for /readyz).
  virtual bool ping() = 0;
};

}  // namespace platform::bus
