#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "platform/bus/event_bus.h"
#include "platform/db/database.h"
#include "platform/metrics.h"

namespace platform::bus {

// The "platform" migration set every service applies to its own database:
// the outbox and inbox tables, and the idempotency keys of
// platform/http/idempotency.h.
db::MigrationSet migrations();

// Writes an event into the outbox inside the caller's transaction: the event
// exists if and only if the change that caused it was committed.
class Outbox {
 public:
  static void add(db::Session& session, const Event& event);
  // How many events this thread has added, committed or not: a write
  // compares it before and after its transaction to know whether it gave
  // the relay work (see OutboxTransactions).
  static std::uint64_t added_on_this_thread() noexcept;
};

struct OutboxRelayOptions {
  std::chrono::milliseconds poll_interval{500};  // when nobody calls notify()
  int batch_size = 100;
  // Under load, the least time between two batches: events committed within
  // it go out together (one transaction for several events). An idle relay
  // publishes at once.
  std::chrono::milliseconds linger{5};
  std::chrono::milliseconds retention{std::chrono::hours(1)};  // keep published rows
};

// Publishes committed outbox rows in order, then marks them. A crash between
// publishing and marking publishes the row again after restart; the bus drops
// the duplicate by event id and consumers' inboxes would catch any that slip
// through, so the effect happens once. Several replicas may relay at once
// (PostgreSQL: FOR UPDATE SKIP LOCKED). RAII: the thread runs until destroyed.
class OutboxRelay {
 public:
  OutboxRelay(db::Database& database, EventBus& bus, OutboxRelayOptions options = {});
  ~OutboxRelay();
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  // Something was committed: relay now instead of at the next poll.
  void notify();
  // Rows not yet published.
  std::int64_t pending();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Records that `consumer` acted on `event_id`, in the caller's transaction.
// False means it already had: skip the effect and acknowledge.
class Inbox {
 public:
  static bool claim(db::Session& session, std::string_view consumer, std::string_view event_id);
};

// A bus handler with exactly-once effect: runs `effect` and the inbox claim in
// one write transaction, and skips events the consumer has seen.
EventHandler exactly_once(db::Database& database, std::string consumer,
                          std::function<void(db::Session&, const Event&)> effect);

// exactly_once with every delivery's outcome counted in `events` {subject,
// outcome}: what `effect` returns ("applied", "invalid", ...), "duplicate"
// for an event the consumer had seen, "failed" when the effect threw (the
// event is then delivered again).
using CountedEffect = std::function<std::string_view(db::Session&, const Event&)>;
EventHandler counted_exactly_once(db::Database& database, std::string consumer,
                                  metrics::Family<metrics::Counter>& events, CountedEffect effect);

}  // namespace platform::bus
