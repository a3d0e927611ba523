#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "platform/bus/event_bus.h"
#include "platform/testing/databases.h"

namespace platform::testing {

// The bus a test on `backend` runs on, as the service would: NATS JetStream
// (SHOP_TEST_NATS_URL, which the caller requires first) next to PostgreSQL,
// the in-process bus next to SQLite.
std::unique_ptr<bus::EventBus> open_test_bus(DatabaseBackend backend,
                                             const std::string& connection_name);

// Every event on `subject_filter` from now on, through a consumer of its own
// (tests running at once share the NATS server), for a test to look at.
class EventRecorder {
 public:
  EventRecorder(bus::EventBus& bus, const std::string& subject_filter);

  std::vector<bus::Event> events() const;

 private:
  mutable std::mutex mutex_;
  std::vector<bus::Event> events_;
  std::unique_ptr<bus::Subscription> subscription_;  // last: stops before the rest goes
};

}  // namespace platform::testing
