#include "platform/testing/buses.h"

#include "platform/bus/in_process_bus.h"
#include "platform/bus/nats_bus.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/testing/environment.h"

namespace platform::testing {

std::unique_ptr<bus::EventBus> open_test_bus(DatabaseBackend backend,
                                             const std::string& connection_name) {
  if (backend == DatabaseBackend::sqlite) return std::make_unique<bus::InProcessBus>();
  const auto url = nats_url();
  if (!url) {
    throw Error(ErrorKind::unavailable, "nats-not-configured",
                "SHOP_TEST_NATS_URL is not set: require it before opening the bus");
  }
  bus::NatsBusOptions options;
  options.url = *url;
  options.connection_name = connection_name;
  return std::make_unique<bus::NatsBus>(options);
}

EventRecorder::EventRecorder(bus::EventBus& bus, const std::string& subject_filter)
    : subscription_(bus.subscribe(
          {.durable_name = "recorder-" + random_hex(6), .subject_filter = subject_filter},
          [this](const bus::Event& event) {
            std::lock_guard lock(mutex_);
            events_.push_back(event);
          })) {}

std::vector<bus::Event> EventRecorder::events() const {
  std::lock_guard lock(mutex_);
  return events_;
}

}  // namespace platform::testing
