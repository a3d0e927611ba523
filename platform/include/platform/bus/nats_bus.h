#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "platform/bus/event_bus.h"

namespace platform::bus {

struct NatsBusOptions {
  std::string url = "nats://127.0.0.1:4222";
  std::string connection_name = "shop";
  // One stream holds every event of the platform; services are its subjects.
  std::string stream = "SHOP";
  std::vector<std::string> subjects = {"auth.>",   "customers.>", "catalog.>",
                                       "cart.>",   "orders.>",    "payments.>",
                                       "images.>", "search.>",    "recommendations.>"};
  std::chrono::milliseconds duplicate_window{std::chrono::minutes(2)};
  std::chrono::milliseconds publish_timeout{5000};
};

// EventBus over NATS JetStream (nats.c): publishes with the event id as
// Nats-Msg-Id so the stream drops duplicates, and consumes through durable
// pull consumers with explicit acks, redelivery after ack_wait or a nak with
// growing delay, and a cap on deliveries. Creates the stream if missing.
class NatsBus final : public EventBus {
 public:
  explicit NatsBus(const NatsBusOptions& options);
  ~NatsBus() override;

  void publish(const Event& event) override;
  bool ping() override;

 protected:
  std::unique_ptr<Subscription> open_subscription(const SubscriptionOptions& options,
                                                  EventHandler handler) override;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace platform::bus
