#include "platform/bus/open_event_bus.h"

#include "platform/bus/in_process_bus.h"
#include "platform/bus/nats_bus.h"
#include "platform/error.h"

namespace platform::bus {

std::unique_ptr<EventBus> open_event_bus(const std::string& url, const std::string& service) {
  if (url.empty()) return std::make_unique<InProcessBus>();
  if (url.starts_with("nats://")) {
    NatsBusOptions options;
    options.url = url;
    options.connection_name = service;
    return std::make_unique<NatsBus>(options);
  }
  throw Error(ErrorKind::invalid_argument, "bad-bus-url",
              "bus URL must start with nats:// or be empty");
}

}  // namespace platform::bus
