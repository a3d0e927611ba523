#include "platform/bus/database_bus.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "platform/bus/subject_filter.h"
#include "platform/clock.h"
#include "platform/log.h"
#include "platform/trace_context.h"

namespace platform::bus {

std::vector<EmbeddedFile> database_bus_migrations();

using db::Session;

class DatabaseBus::Shared {
 public:
  Shared(db::Database& database, DatabaseBusOptions options)
      : database_(database), options_(options) {}

  struct Delivery {
    std::int64_t sequence;
    Event event;
    int attempt;
  };

  db::Database& database() { return database_; }
  const DatabaseBusOptions& options() const { return options_; }

  void published() {
    {
      std::lock_guard lock(mutex_);
      ++version_;
    }
    changed_.notify_all();
  }

  // Waits until something was published or the poll interval passed.
  void wait(std::uint64_t seen, const std::atomic<bool>& stopping) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, options_.poll_interval,
                      [&] { return version_ != seen || stopping.load(); });
  }

  std::uint64_t version() {
    std::lock_guard lock(mutex_);
    return version_;
  }

  void wake_all() { changed_.notify_all(); }
  std::uint64_t count_publish() { return publishes_.fetch_add(1); }

 private:
  std::atomic<std::uint64_t> publishes_{0};
  db::Database& database_;
  DatabaseBusOptions options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t version_ = 0;
};

namespace {

constexpr int kScanBatch = 200;

class DatabaseSubscription final : public Subscription {
 public:
  DatabaseSubscription(std::shared_ptr<DatabaseBus::Shared> shared, SubscriptionOptions options,
                       EventHandler handler)
      : shared_(std::move(shared)), options_(std::move(options)), handler_(std::move(handler)) {
    resumed_ = shared_->database().write([&](Session& session) {
      // A consumer starting now starts after the last event stored (the
      // WHERE settles SQLite's reading of an upsert after a SELECT).
      const auto made = session.run(
          options_.start == SubscriptionOptions::Start::now
              ? "INSERT INTO bus_consumers (name, filter, next_sequence) "
                "SELECT $1, $2, COALESCE(MAX(sequence), 0) + 1 FROM bus_stream WHERE true "
                "ON CONFLICT (name) DO NOTHING"
              : "INSERT INTO bus_consumers (name, filter, next_sequence) VALUES ($1, $2, 1) "
                "ON CONFLICT (name) DO NOTHING",
          options_.durable_name, options_.subject_filter);
      return made.affected_rows() == 0;
    });
    thread_ = std::thread([this] { run(); });
  }

  bool resumed() const override { return resumed_; }

  // The subject filter is matched here, as claim() does, not in SQL: the
  // scan reads only the subjects past the consumer's position.
  std::uint64_t backlog() override {
    return shared_->database().read([&](Session& session) {
      const auto& consumer = options_.durable_name;
      auto waiting = static_cast<std::uint64_t>(
          session.run("SELECT COUNT(*) FROM bus_deliveries WHERE consumer = $1", consumer)
              .front()
              .get<std::int64_t>(0));
      const auto subjects = session.run(
          "SELECT s.subject FROM bus_stream s JOIN bus_consumers c ON s.sequence >= "
          "c.next_sequence WHERE c.name = $1",
          consumer);
      for (const auto& row : subjects) {
        if (subject_matches(options_.subject_filter, row.get<std::string>(0))) ++waiting;
      }
      return waiting;
    });
  }

  ~DatabaseSubscription() override {
    stopping_ = true;
    shared_->wake_all();
    thread_.join();
  }

 private:
  void run() {
    while (!stopping_) {
      const auto seen = shared_->version();
      std::optional<DatabaseBus::Shared::Delivery> delivery;
      try {
        delivery = claim();
      } catch (const std::exception& error) {
        // The database is busy or gone for a moment; deliveries wait in it.
        log::warn("event claim failed",
                  {{"consumer", options_.durable_name}, {"error", error.what()}});
      }
      if (!delivery) {
        if (std::exchange(skipped_, false)) continue;  // more of the stream to scan
        shared_->wait(seen, stopping_);
        continue;
      }
      handle(*delivery);
    }
  }

  // Takes the next delivery for this consumer in one transaction: a due
  // redelivery first, else the next event matching the filter. The delivery
  // row makes it due again after ack_wait, which is what brings it back
  // after a crash.
  std::optional<DatabaseBus::Shared::Delivery> claim() {
    const auto& consumer = options_.durable_name;
    return shared_->database().write(
        [&](Session& session) -> std::optional<DatabaseBus::Shared::Delivery> {
          const auto now = now_unix_millis();
          const auto due_again = now + options_.ack_wait.count();
          const auto due = session.run(
              "SELECT d.sequence, d.attempts, s.envelope FROM bus_deliveries d "
              "JOIN bus_stream s ON s.sequence = d.sequence "
              "WHERE d.consumer = $1 AND d.due_at <= $2 ORDER BY d.sequence LIMIT 1",
              consumer, now);
          if (!due.empty()) {
            const auto sequence = due.front().get<std::int64_t>(0);
            const int attempt = due.front().get<int>(1) + 1;
            session.run(
                "UPDATE bus_deliveries SET attempts = $3, due_at = $4 WHERE consumer = $1 AND "
                "sequence = $2",
                consumer, sequence, attempt, due_again);
            return DatabaseBus::Shared::Delivery{
                sequence, Event::from_json(due.front().get<std::string>(2)), attempt};
          }
          const auto next =
              session.run("SELECT next_sequence FROM bus_consumers WHERE name = $1", consumer)
                  .front()
                  .get<std::int64_t>(0);
          const auto rows = session.run(
              "SELECT sequence, subject, envelope FROM bus_stream WHERE sequence >= $1 ORDER BY "
              "sequence LIMIT $2",
              next, kScanBatch);
          for (const auto& row : rows) {
            const auto sequence = row.get<std::int64_t>(0);
            if (!subject_matches(options_.subject_filter, row.get<std::string>(1))) continue;
            session.run("UPDATE bus_consumers SET next_sequence = $2 WHERE name = $1", consumer,
                        sequence + 1);
            session.run(
                "INSERT INTO bus_deliveries (consumer, sequence, attempts, due_at) VALUES ($1, $2, "
                "1, $3)",
                consumer, sequence, due_again);
            return DatabaseBus::Shared::Delivery{sequence,
                                                 Event::from_json(row.get<std::string>(2)), 1};
          }
          if (!rows.empty()) {
            // Nothing here for this consumer: skip the batch and look again at once.
            const auto last = rows[rows.size() - 1].get<std::int64_t>(0);
            session.run("UPDATE bus_consumers SET next_sequence = $2 WHERE name = $1", consumer,
                        last + 1);
            skipped_ = true;
          }
          return std::nullopt;
        });
  }

  void handle(const DatabaseBus::Shared::Delivery& delivery) {
    const auto& consumer = options_.durable_name;
    try {
      std::optional<TraceScope> scope;
      if (!delivery.event.trace_id.empty()) {
        scope.emplace(TraceContext::child_of(TraceContext{delivery.event.trace_id, {}, {}}));
      }
      handler_(delivery.event);
      shared_->database().write([&](Session& session) {
        session.run("DELETE FROM bus_deliveries WHERE consumer = $1 AND sequence = $2", consumer,
                    delivery.sequence);
      });
    } catch (const std::exception& error) {
      const bool park = delivery.attempt >= options_.max_deliveries;
      if (park) {
        log::error(
            "event parked after repeated failures",
            {{"consumer", consumer}, {"event_id", delivery.event.id}, {"error", error.what()}});
      } else {
        log::warn("event handler failed; will redeliver", {{"consumer", consumer},
                                                           {"event_id", delivery.event.id},
                                                           {"attempt", delivery.attempt},
                                                           {"error", error.what()}});
      }
      const auto delay = shared_->options().redelivery_delay.count()
                         << std::min(delivery.attempt - 1, 8);
      try {
        shared_->database().write([&](Session& session) {
          if (park) {
            session.run("DELETE FROM bus_deliveries WHERE consumer = $1 AND sequence = $2",
                        consumer, delivery.sequence);
          } else {
            session.run(
                "UPDATE bus_deliveries SET due_at = $3 WHERE consumer = $1 AND sequence = $2",
                consumer, delivery.sequence, now_unix_millis() + delay);
          }
        });
      } catch (const std::exception& database_error) {
        // The delivery row still says "due after ack_wait": it comes back then.
        log::warn("could not schedule redelivery",
                  {{"consumer", consumer}, {"error", database_error.what()}});
      }
    }
  }

  std::shared_ptr<DatabaseBus::Shared> shared_;
  SubscriptionOptions options_;
  EventHandler handler_;
  std::atomic<bool> stopping_{false};
  bool skipped_ = false;
  bool resumed_ = false;
  std::thread thread_;
};

}  // namespace

DatabaseBus::DatabaseBus(db::Database& database, DatabaseBusOptions options)
    : shared_(std::make_shared<Shared>(database, options)) {
  db::migrate(database, {{"bus", database_bus_migrations()}});
}

DatabaseBus::~DatabaseBus() = default;

void DatabaseBus::publish(const Event& event) {
  const auto now = now_unix_millis();
  shared_->database().write([&](Session& session) {
    session.run(
        "INSERT INTO bus_stream (id, subject, envelope, published_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (id) DO NOTHING",
        event.id, event.subject, event.to_json(), now);
  });
  shared_->published();
  // Events every consumer has passed, and kept past the retention, go; now
  // and then rather than on every publish.
  if (shared_->count_publish() % 1000 == 0) {
    shared_->database().write([&](Session& session) {
      session.run(
          "DELETE FROM bus_stream WHERE published_at < $1 AND sequence < "
          "(SELECT COALESCE(MIN(next_sequence), 0) FROM bus_consumers) "
          "AND sequence NOT IN (SELECT sequence FROM bus_deliveries)",
          now - shared_->options().retention.count());
    });
  }
}

std::unique_ptr<Subscription> DatabaseBus::open_subscription(const SubscriptionOptions& options,
                                                             EventHandler handler) {
  return std::make_unique<DatabaseSubscription>(shared_, options, std::move(handler));
}

bool DatabaseBus::ping() { return shared_->database().ping(); }

}  // namespace platform::bus
