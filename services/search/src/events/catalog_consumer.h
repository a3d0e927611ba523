#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "index/live_index.h"
#include "platform/bus/event_bus.h"
#include "platform/metrics.h"

namespace search {

// Keeps the index up to date from the catalog's events: products upserted
// and deleted, stock changed. Each event is applied and committed before it
// is acknowledged; a repeat or an older figure changes nothing (the index's
// version rules), so the search service needs no inbox.
class CatalogConsumer {
 public:
  using Counters = platform::metrics::Family<platform::metrics::Counter>;

  // `durable_name` is the replica's own: every replica keeps a whole index,
  // so each needs every event (a shared name would share them out). A new
  // consumer starts with the events published from now on: the index is
  // then built from a snapshot of the catalog, not from the stream's past.
  // Unused for `forget_when_idle`, the bus deletes it (zero: never).
  CatalogConsumer(platform::bus::EventBus& bus, LiveIndex& index, const std::string& durable_name,
                  std::chrono::milliseconds forget_when_idle, Counters& events);
  ~CatalogConsumer();
  CatalogConsumer(const CatalogConsumer&) = delete;
  CatalogConsumer& operator=(const CatalogConsumer&) = delete;

  // Whether the consumer existed: false means the events before it were
  // never applied here.
  bool resumed() const { return subscription_->resumed(); }

 private:
  std::unique_ptr<platform::bus::Subscription> subscription_;
};

}  // namespace search
