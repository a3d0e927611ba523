#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform/bus/event.h"
#include "platform/bus/event_bus.h"

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

}  // namespace platform::bus::testing
