#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "platform/bus/backlog_gauges.h"
#include "platform/bus/event.h"
#include "platform/bus/event_bus.h"
#include "platform/metrics.h"

namespace platform::bus::testing {

template <class Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return predicate();
}

// What every bus does with SubscriptionOptions::start and resumed():
// a consumer made to start now never sees what came before it; one that
// exists resumes where it was, and says so. `subject` makes the test's
// subjects ("<subject>.a"); `name` its consumers.
inline void expect_consumers_made_now_start_now(EventBus& bus, const std::string& subject,
                                                const std::string& name) {
  std::mutex mutex;
  std::vector<std::string> seen;
  auto handler = [&](const Event& event) {
    std::lock_guard lock(mutex);
    seen.push_back(event.subject);
  };
  auto seen_count = [&] {
    std::lock_guard lock(mutex);
    return seen.size();
  };
  bus.publish(make_event(subject + ".before", "{}"));
  SubscriptionOptions options{.durable_name = name, .subject_filter = subject + ".>"};
  options.start = SubscriptionOptions::Start::now;
  {
    auto made = bus.subscribe(options, handler);
    EXPECT_FALSE(made->resumed()) << "made by this subscription";
    bus.publish(make_event(subject + ".after", "{}"));
    ASSERT_TRUE(eventually([&] { return seen_count() == 1; }));
  }
  bus.publish(make_event(subject + ".while-away", "{}"));
  auto again = bus.subscribe(options, handler);
  EXPECT_TRUE(again->resumed());
  ASSERT_TRUE(eventually([&] { return seen_count() == 2; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::lock_guard lock(mutex);
  EXPECT_EQ(seen, (std::vector<std::string>{subject + ".after", subject + ".while-away"}))
      << "nothing from before the consumer was made; everything since";

  // From the first event, the default, a new consumer sees them all.
  auto everything = bus.subscribe({.durable_name = name + "-all", .subject_filter = subject + ".>"},
                                  [&](const Event&) {});
  EXPECT_FALSE(everything->resumed());
}

// What every bus counts as a consumer's backlog: the matching events not
// handled yet, the one its handler holds included, and not the events of
// other subjects; the gauges publish the same figure, and a subscription
// that is gone is no longer counted.
inline void expect_backlog_counted(EventBus& bus, const std::string& subject,
                                   const std::string& name) {
  std::mutex mutex;
  std::condition_variable released;
  bool release = false;
  auto subscription = bus.subscribe({.durable_name = name, .subject_filter = subject + ".wanted.*"},
                                    [&](const Event&) {
                                      std::unique_lock lock(mutex);
                                      released.wait(lock, [&] { return release; });
                                    });
  auto backlog = [&]() -> std::optional<std::uint64_t> {
    for (const auto& counted : bus.backlogs()) {
      if (counted.consumer == name) return counted.events;
    }
    return std::nullopt;
  };
  for (int i = 0; i < 5; ++i) bus.publish(make_event(subject + ".wanted.a", "{}"));
  bus.publish(make_event(subject + ".other", "{}"));
  bus.publish(make_event(subject + ".other", "{}"));
  EXPECT_TRUE(eventually([&] { return backlog() == 5u; })) << "held: " << backlog().value_or(0);

  metrics::Registry registry;
  BacklogGauges gauges(bus, registry);  // reads them once when made
  const auto gauge = "bus_consumer_backlog{consumer=\"" + name + "\"} ";
  EXPECT_NE(registry.render().find(gauge + "5\n"), std::string::npos) << registry.render();

  {
    std::lock_guard lock(mutex);
    release = true;
  }
  released.notify_all();
  EXPECT_TRUE(eventually([&] { return backlog() == 0u; })) << "held: " << backlog().value_or(0);
  gauges.sample();
  EXPECT_NE(registry.render().find(gauge + "0\n"), std::string::npos) << registry.render();

  subscription.reset();
  for (const auto& counted : bus.backlogs()) EXPECT_NE(counted.consumer, name);
}

}  // namespace platform::bus::testing
