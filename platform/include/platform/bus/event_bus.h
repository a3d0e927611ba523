#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
  // Where a durable consumer that does not exist yet starts: at the first
  // event the stream holds, or with the events published from now on (for
  // a reader that takes a snapshot of the state instead of replaying the
  // past). One that exists resumes where it was, whatever this says; a
  // durable keeps the start it was made with, so pass the same every time.
  enum class Start { first_event, now };
  Start start = Start::first_event;
  // A durable consumer nobody subscribed to for this long is deleted by the
  // bus (NATS InactiveThreshold); zero keeps it for ever. The local buses
  // keep every consumer.
  std::chrono::milliseconds forget_when_idle{0};
};

class Subscription {
 public:
  virtual ~Subscription() = default;  // stops deliveries; waits for a running handler
  // Whether the durable consumer existed before this subscription (false:
  // it was made now, at SubscriptionOptions::start). A reader whose state
  // is built from the stream and finds its consumer new has missed events.
  virtual bool resumed() const = 0;
  // Events this consumer has yet to handle: matching events not delivered
  // yet, and deliveries not acknowledged yet. Asks the store or the server
  // (a round trip); throws platform::Error(unavailable) when they cannot
  // be reached.
  virtual std::uint64_t backlog() = 0;
};

struct ConsumerBacklog {
  std::string consumer;
  std::optional<std::uint64_t> events;  // none when it could not be read
  std::string error;                    // why not
};

class LiveSubscriptions;

class EventBus {
 public:
  EventBus();
  virtual ~EventBus();
  EventBus(const EventBus&) = delete;
  EventBus& operator=(const EventBus&) = delete;

  // Returns once the bus has durably accepted the event. Publishing the same
  // event id twice within the dedupe window stores it once. Throws
  // platform::Error(unavailable) if the bus cannot be reached.
  virtual void publish(const Event& event) = 0;
  // Delivers matching events to `handler` on the subscription's own thread
  // until the subscription is destroyed.
  std::unique_ptr<Subscription> subscribe(const SubscriptionOptions& options, EventHandler handler);
  // Whether the bus is reachable (for /readyz).
  virtual bool ping() = 0;
  // The backlog of every subscription alive on this bus, for the
  // consumer-lag gauges (BacklogGauges).
  std::vector<ConsumerBacklog> backlogs() const;

 protected:
  virtual std::unique_ptr<Subscription> open_subscription(const SubscriptionOptions& options,
                                                          EventHandler handler) = 0;

 private:
  std::shared_ptr<LiveSubscriptions> live_;
};

}  // namespace platform::bus
