#include "platform/bus/database_bus.h"

#include <gtest/gtest.h>

#include <atomic>

#include "bus_test_support.h"
#include "platform/testing/environment.h"

using namespace platform::bus;
using platform::bus::testing::eventually;
using namespace std::chrono_literals;

namespace {

// Two opens of the same file stand for the process before and after a restart.
std::unique_ptr<platform::db::Database> open_file(
    const platform::testing::TemporaryDirectory& directory) {
  return platform::db::open_database("sqlite:" + (directory.path() / "bus.db").string());
}

TEST(DatabaseBus, KeepsEventsAcrossARestart) {
  platform::testing::TemporaryDirectory directory;
  const auto event = make_event("catalog.product.upserted", R"({"sku":"A"})");
  {
    auto database = open_file(directory);
    DatabaseBus bus(*database);
    bus.publish(event);
  }
  auto database = open_file(directory);
  DatabaseBus bus(*database, {.poll_interval = 20ms});
  std::atomic<int> received{0};
  std::string id;
  auto subscription = bus.subscribe({.durable_name = "late", .subject_filter = "catalog.>"},
                                    [&](const Event& delivered) {
                                      id = delivered.id;
                                      ++received;
                                    });
  ASSERT_TRUE(eventually([&] { return received == 1; }));
  EXPECT_EQ(id, event.id);
}

// A handler that never acknowledges (its process died) gets the event again
// once ack_wait has passed, from the restarted process.
TEST(DatabaseBus, RedeliversWhatADeadConsumerNeverAcknowledged) {
  platform::testing::TemporaryDirectory directory;
  auto before = open_file(directory);
  DatabaseBus first_bus(*before, {.poll_interval = 20ms});
  std::atomic<bool> started{false};
  std::atomic<bool> release{false};
  auto stuck = first_bus.subscribe(
      {.durable_name = "worker", .subject_filter = "orders.>", .ack_wait = 300ms},
      [&](const Event&) {
        started = true;
        while (!release) std::this_thread::sleep_for(5ms);
      });
  first_bus.publish(make_event("orders.order.paid", "{}"));
  ASSERT_TRUE(eventually([&] { return started.load(); }));

  auto after = open_file(directory);
  DatabaseBus second_bus(*after, {.poll_interval = 20ms});
  std::atomic<int> redelivered{0};
  auto restarted = second_bus.subscribe(
      {.durable_name = "worker", .subject_filter = "orders.>", .ack_wait = 300ms},
      [&](const Event&) { ++redelivered; });
  ASSERT_TRUE(eventually([&] { return redelivered == 1; }));
  release = true;
  stuck.reset();
  std::this_thread::sleep_for(400ms);
  EXPECT_EQ(redelivered, 1) << "acknowledged once, delivered no more";
}

}  // namespace
