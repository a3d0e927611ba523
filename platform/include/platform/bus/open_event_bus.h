#pragma once

#include <memory>
#include <string>

#include "platform/bus/event_bus.h"

namespace platform::bus {

// "nats://host:port" opens NATS JetStream (distributed mode); an empty URL
// opens an in-process bus, which only makes sense when every consumer lives
// in the same process. `service` names the connection in the server's logs.
std::unique_ptr<EventBus> open_event_bus(const std::string& url, const std::string& service);

}  // namespace platform::bus
