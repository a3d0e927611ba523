#include "platform/bus/outbox.h"

#include "platform/clock.h"
#include "platform/trace_context.h"

namespace platform::bus {

std::vector<EmbeddedFile> outbox_migrations();

db::MigrationSet migrations() { return {"platform", outbox_migrations()}; }

namespace {
thread_local std::uint64_t events_added_on_this_thread = 0;
}  // namespace

std::uint64_t Outbox::added_on_this_thread() noexcept { return events_added_on_this_thread; }

void Outbox::add(db::Session& session, const Event& event) {
  ++events_added_on_this_thread;
  session.run("INSERT INTO outbox (id, subject, envelope, created_at) VALUES ($1, $2, $3, $4)",
              event.id, event.subject, event.to_json(), now_unix_millis());
}

bool Inbox::claim(db::Session& session, std::string_view consumer, std::string_view event_id) {
  const auto inserted = session.run(
      "INSERT INTO inbox (consumer, event_id, processed_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (consumer, event_id) DO NOTHING",
      consumer, event_id, now_unix_millis());
  return inserted.affected_rows() == 1;
}

EventHandler exactly_once(db::Database& database, std::string consumer,
                          std::function<void(db::Session&, const Event&)> effect) {
  return
      [&database, consumer = std::move(consumer), effect = std::move(effect)](const Event& event) {
        database.write([&](db::Session& session) {
          if (Inbox::claim(session, consumer, event.id)) effect(session, event);
        });
      };
}

EventHandler counted_exactly_once(db::Database& database, std::string consumer,
                                  metrics::Family<metrics::Counter>& events, CountedEffect effect) {
  return [&database, consumer = std::move(consumer), &events,
          effect = std::move(effect)](const Event& event) {
    // Made per delivery so that the effect can say what it did.
    std::string_view outcome = "duplicate";
    const auto handler = exactly_once(
        database, consumer,
        [&](db::Session& session, const Event& claimed) { outcome = effect(session, claimed); });
    try {
      handler(event);
    } catch (...) {
      events.with({event.subject, "failed"}).increment();
      throw;
    }
    events.with({event.subject, std::string(outcome)}).increment();
  };
}

}  // namespace platform::bus
