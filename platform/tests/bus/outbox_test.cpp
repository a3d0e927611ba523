#include "platform/bus/outbox.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "bus_test_support.h"
#include "platform/bus/in_process_bus.h"
#include "platform/error.h"
#include "platform/testing/databases.h"

using namespace platform::bus;
using platform::bus::testing::eventually;
using platform::db::Session;

namespace {

// Publishes, then reports a failure the first `failures` times: what the relay
// sees when it dies after publishing and before marking the row.
class FailsAfterPublishing final : public EventBus {
 public:
  FailsAfterPublishing(EventBus& inner, int failures) : inner_(inner), failures_(failures) {}
  void publish(const Event& event) override {
    inner_.publish(event);
    ++published_;
    if (failures_-- > 0) throw std::runtime_error("connection lost after publish");
  }
  bool ping() override { return true; }
  int published() const { return published_; }

 protected:
  std::unique_ptr<Subscription> open_subscription(const SubscriptionOptions& options,
                                                  EventHandler handler) override {
    return inner_.subscribe(options, std::move(handler));
  }

 private:
  EventBus& inner_;
  std::atomic<int> failures_;
  std::atomic<int> published_{0};
};

class OutboxTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend> {
 protected:
  void SetUp() override {
    fresh_ = platform::testing::open_fresh_database(GetParam());
    if (!fresh_) GTEST_SKIP() << "backend not configured";
    platform::db::migrate(database(), {migrations()});
    database().write([](Session& session) {
      session.execute_script(
          "CREATE TABLE effects (event_id TEXT NOT NULL, subject TEXT NOT NULL)");
    });
  }
  platform::db::Database& database() { return fresh_->database(); }

  std::int64_t effects() {
    return database().read([](Session& session) {
      return session.run("SELECT COUNT(*) FROM effects").front().get<std::int64_t>(0);
    });
  }

  EventHandler record_effects() {
    return exactly_once(database(), "test-consumer", [](Session& session, const Event& event) {
      session.run("INSERT INTO effects (event_id, subject) VALUES ($1, $2)", event.id,
                  event.subject);
    });
  }

  std::unique_ptr<platform::testing::FreshDatabase> fresh_;
};

TEST_P(OutboxTest, CommittedChangesAreDeliveredRolledBackOnesNever) {
  InProcessBus bus;
  auto subscription = bus.subscribe({.durable_name = "test-consumer", .subject_filter = "test.>"},
                                    record_effects());
  OutboxRelay relay(database(), bus, {.poll_interval = std::chrono::milliseconds(20)});
  for (int i = 0; i < 10; ++i) {
    database().write([](Session& session) { Outbox::add(session, make_event("test.kept", "{}")); });
  }
  EXPECT_THROW(database().write([](Session& session) {
    Outbox::add(session, make_event("test.rolled_back", "{}"));
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  relay.notify();
  ASSERT_TRUE(eventually([&] { return effects() == 10; }));
  ASSERT_TRUE(eventually([&] { return relay.pending() == 0; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(effects(), 10);
  EXPECT_EQ(database().read([](Session& session) {
    return session.run("SELECT COUNT(*) FROM effects WHERE subject = 'test.rolled_back'")
        .front()
        .get<std::int64_t>(0);
  }),
            0);
}

TEST_P(OutboxTest, AFailureAfterPublishingRepublishesWithoutASecondEffect) {
  InProcessBus inner;
  FailsAfterPublishing bus(inner, 2);
  auto subscription = inner.subscribe({.durable_name = "test-consumer", .subject_filter = "test.>"},
                                      record_effects());
  database().write([](Session& session) { Outbox::add(session, make_event("test.once", "{}")); });
  OutboxRelay relay(database(), bus, {.poll_interval = std::chrono::milliseconds(20)});
  ASSERT_TRUE(eventually([&] { return relay.pending() == 0; }));
  EXPECT_GE(bus.published(), 3) << "the relay retried after each failure";
  ASSERT_TRUE(eventually([&] { return effects() == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(effects(), 1);
}

// Commits arriving while the relay is busy wait out its linger and go out
// together: every one of them, once, in the order they committed.
TEST_P(OutboxTest, EventsCommittedWhileTheRelayLingersGoOutInCommitOrder) {
  InProcessBus bus;
  std::mutex mutex;
  std::vector<std::string> received;
  auto subscription = bus.subscribe({.durable_name = "order-check", .subject_filter = "test.>"},
                                    [&](const Event& event) {
                                      std::lock_guard lock(mutex);
                                      received.push_back(event.data);
                                    });
  OutboxRelay relay(
      database(), bus,
      {.poll_interval = std::chrono::milliseconds(1000), .linger = std::chrono::milliseconds(30)});
  constexpr int kEvents = 40;
  for (int i = 0; i < kEvents; ++i) {
    database().write([i](Session& session) {
      Outbox::add(session, make_event("test.ordered", std::to_string(i)));
    });
    relay.notify();
  }
  ASSERT_TRUE(eventually([&] { return relay.pending() == 0; }));
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return received.size() >= kEvents;
  }));
  std::lock_guard lock(mutex);
  ASSERT_EQ(received.size(), static_cast<std::size_t>(kEvents));
  for (int i = 0; i < kEvents; ++i) EXPECT_EQ(received[i], std::to_string(i));
}

TEST_P(OutboxTest, TheInboxTurnsRedeliveriesIntoNoOps) {
  auto handler = record_effects();
  const auto event = make_event("test.redelivered", "{}");
  handler(event);
  handler(event);
  handler(make_event("test.other", "{}"));
  EXPECT_EQ(effects(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxTest,
                         ::testing::ValuesIn(platform::testing::database_backends()),
                         platform::testing::backend_name);

}  // namespace
