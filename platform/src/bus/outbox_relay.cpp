#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "platform/bus/outbox.h"
#include "platform/clock.h"
#include "platform/fault_injection.h"
#include "platform/log.h"

namespace platform::bus {

class OutboxRelay::Impl {
 public:
  Impl(db::Database& database, EventBus& bus, OutboxRelayOptions options)
      : database_(database), bus_(bus), options_(options), thread_([this] { run(); }) {}

  ~Impl() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wakeup_.notify_all();
    thread_.join();
  }

  void notify() {
    {
      std::lock_guard lock(mutex_);
      notified_ = true;
    }
    wakeup_.notify_all();
  }

  std::int64_t pending() {
    return database_.read([](db::Session& session) {
      return session.run("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL")
          .front()
          .get<std::int64_t>(0);
    });
  }

 private:
  void run() {
    int failures = 0;
    auto last_cleanup = std::chrono::steady_clock::now();
    while (true) {
      int relayed = 0;
      try {
        relayed = relay_batch();
        failures = 0;
        if (std::chrono::steady_clock::now() - last_cleanup > std::chrono::minutes(1)) {
          remove_old();
          last_cleanup = std::chrono::steady_clock::now();
        }
      } catch (const std::exception& error) {
        // Nothing is lost: the rows stay unpublished and are retried.
        ++failures;
        log::warn("outbox relay failed; retrying",
                  {{"error", error.what()}, {"failures", failures}});
      }
      std::unique_lock lock(mutex_);
      if (stopping_) return;
      if (relayed == options_.batch_size && failures == 0) continue;  // more waiting
      const auto wait = failures == 0
                            ? options_.poll_interval
                            : std::min(std::chrono::milliseconds(100 << std::min(failures, 6)),
                                       std::chrono::milliseconds(5000));
      wakeup_.wait_for(lock, wait,
                       [this, failures] { return stopping_ || (notified_ && failures == 0); });
      notified_ = false;
      if (stopping_) return;
      // Busy (the last batch started less than a linger ago): let the
      // commits that follow this one join its batch, so that a batch's
      // round trips to the database are shared by several events.
      const auto next_batch = last_batch_ + options_.linger;
      if (failures == 0 && std::chrono::steady_clock::now() < next_batch) {
        wakeup_.wait_until(lock, next_batch, [this] { return stopping_; });
        if (stopping_) return;
      }
    }
  }

  int relay_batch() {
    last_batch_ = std::chrono::steady_clock::now();
    return database_.write([this](db::Session& session) {
      // Taken and marked in one statement (one round trip), then published
      // inside the same transaction: a failure to publish rolls the marks
      // back, and the rows go out with a later batch.
      const bool postgres = session.dialect() == db::Dialect::postgres;
      const auto marked = session.run(
          postgres ? "UPDATE outbox SET published_at = $2 WHERE sequence IN (SELECT sequence "
                     "FROM outbox WHERE published_at IS NULL ORDER BY sequence LIMIT $1 "
                     "FOR UPDATE SKIP LOCKED) RETURNING sequence, envelope"
                   : "UPDATE outbox SET published_at = $2 WHERE sequence IN (SELECT sequence "
                     "FROM outbox WHERE published_at IS NULL ORDER BY sequence LIMIT $1) "
                     "RETURNING sequence, envelope",
          options_.batch_size, now_unix_millis());
      // RETURNING promises no order: publish in the order of the commits.
      std::vector<std::pair<std::int64_t, std::string>> rows;
      rows.reserve(marked.size());
      for (const auto& row : marked) {
        rows.emplace_back(row.get<std::int64_t>(0), row.get<std::string>(1));
      }
      std::sort(rows.begin(), rows.end());
      for (const auto& [sequence, envelope] : rows) {
        const auto event = Event::from_json(envelope);
        fault::point("outbox.before_publish");
        bus_.publish(event);
        fault::point("outbox.after_publish");
      }
      return static_cast<int>(rows.size());
    });
  }

  void remove_old() {
    const auto cutoff = now_unix_millis() - options_.retention.count();
    database_.write([cutoff](db::Session& session) {
      session.run("DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < $1",
                  cutoff);
    });
  }

  db::Database& database_;
  EventBus& bus_;
  OutboxRelayOptions options_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  bool notified_ = false;
  std::chrono::steady_clock::time_point last_batch_;
  std::thread thread_;
};

OutboxRelay::OutboxRelay(db::Database& database, EventBus& bus, OutboxRelayOptions options)
    : impl_(std::make_unique<Impl>(database, bus, options)) {}
OutboxRelay::~OutboxRelay() = default;
void OutboxRelay::notify() { impl_->notify(); }
std::int64_t OutboxRelay::pending() { return impl_->pending(); }

}  // namespace platform::bus
