#include "platform/bus/nats_bus.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>

#include "bus_test_support.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/testing/environment.h"

using namespace platform::bus;
using platform::bus::testing::eventually;

namespace {

// Each test gets its own stream and subjects so tests never see each other.
class NatsBusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto url = platform::testing::nats_url();
    SHOP_REQUIRE_BACKEND(url, "NATS (SHOP_TEST_NATS_URL)");
    prefix_ = "t" + platform::random_hex(4);
    options_.url = *url;
    options_.stream = "TEST_" + prefix_;
    options_.subjects = {prefix_ + ".>"};
    bus_ = std::make_unique<NatsBus>(options_);
  }

  std::string subject(const std::string& rest) const { return prefix_ + "." + rest; }

  std::string prefix_;
  NatsBusOptions options_;
  std::unique_ptr<NatsBus> bus_;
};

TEST_F(NatsBusTest, PublishesAndDeliversThroughADurableConsumer) {
  std::mutex mutex;
  std::vector<Event> received;
  auto subscription = bus_->subscribe({.durable_name = "reader", .subject_filter = subject(">")},
                                      [&](const Event& event) {
                                        std::lock_guard lock(mutex);
                                        received.push_back(event);
                                      });
  const auto event = make_event(subject("product.upserted"), R"({"sku":"A"})");
  bus_->publish(event);
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return received.size() == 1;
  }));
  EXPECT_EQ(received[0].id, event.id);
  EXPECT_EQ(received[0].data, R"({"sku":"A"})");
  EXPECT_TRUE(bus_->ping());
}

TEST_F(NatsBusTest, DropsARepublishedEventId) {
  std::atomic<int> count{0};
  auto subscription = bus_->subscribe({.durable_name = "dedupe", .subject_filter = subject(">")},
                                      [&](const Event&) { ++count; });
  const auto event = make_event(subject("once"), "{}");
  bus_->publish(event);
  bus_->publish(event);  // what a relay restarted after publishing does
  bus_->publish(make_event(subject("other"), "{}"));
  ASSERT_TRUE(eventually([&] { return count == 2; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(count, 2);
}

TEST_F(NatsBusTest, RedeliversAfterAHandlerThrows) {
  std::atomic<int> calls{0};
  auto subscription =
      bus_->subscribe({.durable_name = "retry", .subject_filter = subject(">")}, [&](const Event&) {
        if (++calls < 2) throw std::runtime_error("first time fails");
      });
  bus_->publish(make_event(subject("retry"), "{}"));
  ASSERT_TRUE(eventually([&] { return calls == 2; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  EXPECT_EQ(calls, 2);
}

TEST_F(NatsBusTest, ConsumersMadeToStartNowSkipThePast) {
  platform::bus::testing::expect_consumers_made_now_start_now(*bus_, prefix_, "reader");
}

TEST_F(NatsBusTest, CountsWhatEachConsumerHasYetToHandle) {
  platform::bus::testing::expect_backlog_counted(*bus_, prefix_, "slow-reader");
}

TEST_F(NatsBusTest, DurableConsumerResumesAfterResubscribing) {
  std::mutex mutex;
  std::set<std::string> seen;
  auto handler = [&](const Event& event) {
    std::lock_guard lock(mutex);
    seen.insert(event.subject);
  };
  {
    auto subscription =
        bus_->subscribe({.durable_name = "resume", .subject_filter = subject(">")}, handler);
    bus_->publish(make_event(subject("first"), "{}"));
    ASSERT_TRUE(eventually([&] {
      std::lock_guard lock(mutex);
      return seen.size() == 1;
    }));
  }
  bus_->publish(make_event(subject("second"), "{}"));
  auto again = bus_->subscribe({.durable_name = "resume", .subject_filter = subject(">")}, handler);
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return seen.size() == 2;
  }));
}

TEST(NatsBus, ReportsAnUnreachableServerAsUnavailable) {
  NatsBusOptions options;
  options.url = "nats://127.0.0.1:1";
  try {
    NatsBus bus(options);
    FAIL() << "connected to nothing";
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::unavailable);
  }
}

}  // namespace
