#pragma once

#include <optional>

#include "platform/bus/event.h"
#include "platform/error.h"
#include "platform/log.h"

namespace platform::bus {

// Reads an event's data with `parse` (which throws Error(invalid_argument)
// for data it cannot use). Such an event is logged and nullopt returned:
// no redelivery could make it readable, so the consumer acknowledges it.
// Any other error propagates, for a redelivery.
template <class Parse>
auto read_or_skip(const Event& event, Parse parse) -> std::optional<decltype(parse(event))> {
  try {
    return parse(event);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::invalid_argument) throw;
    log::warn("event ignored: invalid data", {{"event_id", event.id},
                                              {"subject", event.subject},
                                              {"field", error.field()},
                                              {"error", error.what()}});
    return std::nullopt;
  }
}

}  // namespace platform::bus
