#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "bus_test_support.h"
#include "platform/bus/database_bus.h"
#include "platform/bus/event.h"
#include "platform/bus/in_process_bus.h"
#include "platform/bus/subject_filter.h"
#include "platform/error.h"
#include "platform/testing/databases.h"

using namespace platform::bus;
using namespace std::chrono_literals;
using platform::bus::testing::eventually;

namespace {

struct Received {
  std::mutex mutex;
  std::vector<std::string> subjects;
  void add(const Event& event) {
    std::lock_guard lock(mutex);
    subjects.push_back(event.subject);
  }
  std::size_t size() {
    std::lock_guard lock(mutex);
    return subjects.size();
  }
};

// The same semantics from both local buses: in memory, and in a database.
enum class Kind { memory, database };

class BusSemantics : public ::testing::TestWithParam<Kind> {
 protected:
  EventBus& bus(std::chrono::milliseconds redelivery_delay = std::chrono::milliseconds(200)) {
    if (GetParam() == Kind::memory) {
      bus_ =
          std::make_unique<InProcessBus>(InProcessBusOptions{.redelivery_delay = redelivery_delay});
    } else {
      database_ =
          platform::testing::open_fresh_database(platform::testing::DatabaseBackend::sqlite);
      bus_ = std::make_unique<DatabaseBus>(
          database_->database(), DatabaseBusOptions{.poll_interval = std::chrono::milliseconds(20),
                                                    .redelivery_delay = redelivery_delay});
    }
    return *bus_;
  }
  void TearDown() override {
    bus_.reset();
    database_.reset();
  }

 private:
  std::unique_ptr<platform::testing::FreshDatabase> database_;
  std::unique_ptr<EventBus> bus_;
};

}  // namespace

TEST(SubjectFilter, MatchesNatsWildcards) {
  EXPECT_TRUE(subject_matches("catalog.>", "catalog.product.upserted"));
  EXPECT_TRUE(subject_matches("catalog.*.upserted", "catalog.product.upserted"));
  EXPECT_TRUE(subject_matches("catalog.product.upserted", "catalog.product.upserted"));
  EXPECT_FALSE(subject_matches("catalog.>", "catalog"));
  EXPECT_FALSE(subject_matches("catalog.*", "catalog.product.upserted"));
  EXPECT_FALSE(subject_matches("orders.>", "catalog.product.upserted"));
  EXPECT_FALSE(subject_matches("catalog.product", "catalog.product.upserted"));
}

TEST_P(BusSemantics, DeliversMatchingEventsToDurableConsumersInOrder) {
  auto& bus = this->bus();
  Received received;
  auto subscription = bus.subscribe({.durable_name = "c", .subject_filter = "catalog.>"},
                                    [&](const Event& event) { received.add(event); });
  bus.publish(make_event("catalog.product.upserted", "{}"));
  bus.publish(make_event("orders.order.paid", "{}"));
  bus.publish(make_event("catalog.stock.changed", "{}"));
  ASSERT_TRUE(eventually([&] { return received.size() == 2; }));
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(received.subjects,
            (std::vector<std::string>{"catalog.product.upserted", "catalog.stock.changed"}));
}

TEST_P(BusSemantics, DurableConsumersResumeWhereTheyStopped) {
  auto& bus = this->bus();
  Received received;
  bus.publish(make_event("catalog.a", "{}"));  // before anyone subscribed
  {
    auto subscription = bus.subscribe({.durable_name = "d", .subject_filter = "catalog.>"},
                                      [&](const Event& event) { received.add(event); });
    ASSERT_TRUE(eventually([&] { return received.size() == 1; }));
  }
  bus.publish(make_event("catalog.b", "{}"));  // while unsubscribed
  auto again = bus.subscribe({.durable_name = "d", .subject_filter = "catalog.>"},
                             [&](const Event& event) { received.add(event); });
  ASSERT_TRUE(eventually([&] { return received.size() == 2; }));
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(received.subjects, (std::vector<std::string>{"catalog.a", "catalog.b"}));
}

TEST_P(BusSemantics, RedeliversAfterAThrowAndParksAfterMaxDeliveries) {
  auto& bus = this->bus(10ms);
  std::atomic<int> flaky_calls{0};
  std::atomic<int> broken_calls{0};
  auto flaky =
      bus.subscribe({.durable_name = "flaky", .subject_filter = "x.flaky"}, [&](const Event&) {
        if (++flaky_calls < 3) throw std::runtime_error("not yet");
      });
  auto broken =
      bus.subscribe({.durable_name = "broken", .subject_filter = "x.broken", .max_deliveries = 3},
                    [&](const Event&) {
                      ++broken_calls;
                      throw std::runtime_error("never");
                    });
  bus.publish(make_event("x.flaky", "{}"));
  bus.publish(make_event("x.broken", "{}"));
  ASSERT_TRUE(eventually([&] { return flaky_calls == 3 && broken_calls == 3; }));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(flaky_calls, 3);
  EXPECT_EQ(broken_calls, 3);
}

TEST_P(BusSemantics, SubscriptionsOfOneDurableShareTheWork) {
  auto& bus = this->bus();
  std::mutex mutex;
  std::multiset<std::string> seen;
  auto handler = [&](const Event& event) {
    std::lock_guard lock(mutex);
    seen.insert(event.id);
  };
  auto first = bus.subscribe({.durable_name = "shared", .subject_filter = "w.>"}, handler);
  auto second = bus.subscribe({.durable_name = "shared", .subject_filter = "w.>"}, handler);
  for (int i = 0; i < 100; ++i) bus.publish(make_event("w.item", "{}"));
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return seen.size() == 100;
  }));
  std::this_thread::sleep_for(50ms);
  std::lock_guard lock(mutex);
  EXPECT_EQ(seen.size(), 100u);
  for (const auto& id : seen) EXPECT_EQ(seen.count(id), 1u);
}

TEST_P(BusSemantics, DropsDuplicatePublishesOfOneEventId) {
  auto& bus = this->bus();
  Received received;
  auto subscription = bus.subscribe({.durable_name = "dedupe", .subject_filter = ">"},
                                    [&](const Event& event) { received.add(event); });
  const auto event = make_event("y.once", "{}");
  bus.publish(event);
  bus.publish(event);
  bus.publish(make_event("y.twice", "{}"));
  ASSERT_TRUE(eventually([&] { return received.size() == 2; }));
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(received.size(), 2u);
}

TEST_P(BusSemantics, ConsumersMadeToStartNowSkipThePast) {
  platform::bus::testing::expect_consumers_made_now_start_now(bus(), "snapshot", "reader");
}

TEST_P(BusSemantics, CountsWhatEachConsumerHasYetToHandle) {
  platform::bus::testing::expect_backlog_counted(bus(), "catalog", "slow-reader");
}

INSTANTIATE_TEST_SUITE_P(LocalBuses, BusSemantics, ::testing::Values(Kind::memory, Kind::database),
                         [](const auto& kind) {
                           return kind.param == Kind::memory ? "InMemory" : "InDatabase";
                         });

TEST(Event, RoundTripsTheEnvelopeAndRejectsMalformedOnes) {
  auto event = make_event("catalog.product.upserted", R"({"id":"p1"})");
  const auto parsed = Event::from_json(event.to_json());
  EXPECT_EQ(parsed.id, event.id);
  EXPECT_EQ(parsed.subject, event.subject);
  EXPECT_EQ(parsed.occurred_at, event.occurred_at);
  EXPECT_EQ(parsed.data, R"({"id":"p1"})");
  EXPECT_THROW(Event::from_json("{}"), platform::Error);
  EXPECT_THROW(Event::from_json("nope"), platform::Error);
  EXPECT_THROW(make_event("x", "not json").to_json(), platform::Error);
}
