#pragma once

#include <chrono>
#include <memory>

#include "platform/bus/event_bus.h"
#include "platform/db/database.h"

namespace platform::bus {

struct DatabaseBusOptions {
  // How often idle consumers look for redeliveries that came due.
  std::chrono::milliseconds poll_interval{100};
  std::chrono::milliseconds redelivery_delay{200};  // doubles per failed attempt
  // Events are kept this long after every consumer has passed them, so that
  // a consumer added later still finds recent history.
  std::chrono::milliseconds retention{std::chrono::hours(1)};
};

// The embedded mode's bus: the stream, each durable consumer's position and
// each delivery in flight are rows of a database (a SQLite file of its own),
// so delivery survives a crash and a restart exactly as JetStream's does:
// an event handed to a handler that never acknowledged it is redelivered
// once ack_wait has passed, after a restart too. Same semantics otherwise:
// subject filters, shared durable consumers, redelivery with backoff, parking
// after max_deliveries, and dedupe by event id for as long as the event is
// kept (see `retention`).
class DatabaseBus final : public EventBus {
 public:
  // Applies its own migrations to `database`, which must outlive the bus.
  explicit DatabaseBus(db::Database& database, DatabaseBusOptions options = {});
  ~DatabaseBus() override;

  void publish(const Event& event) override;
  bool ping() override;

  class Shared;  // state the subscriptions share with the bus

 protected:
  std::unique_ptr<Subscription> open_subscription(const SubscriptionOptions& options,
                                                  EventHandler handler) override;

 private:
  std::shared_ptr<Shared> shared_;
};

}  // namespace platform::bus
