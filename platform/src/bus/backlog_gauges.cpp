#include "platform/bus/backlog_gauges.h"

#include <algorithm>
#include <limits>

#include "platform/log.h"

namespace platform::bus {

BacklogGauges::BacklogGauges(EventBus& bus, metrics::Registry& registry,
                             std::chrono::milliseconds interval)
    : bus_(bus),
      backlog_(registry.gauge("bus_consumer_backlog",
                              "Events a consumer has yet to handle: not delivered yet, or "
                              "delivered and not acknowledged",
                              {"consumer"})),
      sampling_("bus backlog gauges", interval, [this] { sample(); }) {
  sample();  // the gauges are there from the first scrape
}

void BacklogGauges::sample() {
  for (const auto& backlog : bus_.backlogs()) {
    if (!backlog.events) {
      log::warn("event backlog unknown",
                {{"consumer", backlog.consumer}, {"error", backlog.error}});
      continue;
    }
    constexpr auto most = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    backlog_.with({backlog.consumer})
        .set(static_cast<std::int64_t>(std::min(*backlog.events, most)));
  }
}

}  // namespace platform::bus
