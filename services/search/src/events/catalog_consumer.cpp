#include "events/catalog_consumer.h"

#include "events/catalog_documents.h"
#include "platform/error.h"
#include "platform/json.h"
#include "platform/log.h"

namespace search {
namespace {

using platform::bus::Event;

// Applies the event; returns the outcome to count. Malformed data is
// logged and acknowledged: redelivering it cannot make it readable.
std::string_view apply(LiveIndex& index, const Event& event) {
  try {
    const auto data = platform::json::parse_object(event.data);
    bool changed = false;
    if (event.subject == "catalog.product.upserted") {
      changed = index.upsert(product_from_catalog(data));
    } else if (event.subject == "catalog.stock.changed") {
      const auto figure = stock_from_catalog(data);
      changed = index.set_stock(figure.product_id, figure.stock);
    } else if (event.subject == "catalog.product.deleted") {
      changed = index.remove(deleted_product_id(data));
    } else {
      return "ignored";
    }
    return changed ? "applied" : "unchanged";
  } catch (const platform::Error& error) {
    if (error.kind() != platform::ErrorKind::invalid_argument) throw;
    platform::log::warn("event ignored: invalid data", {{"event_id", event.id},
                                                        {"subject", event.subject},
                                                        {"field", error.field()},
                                                        {"error", error.what()}});
    return "invalid";
  }
}

}  // namespace

CatalogConsumer::CatalogConsumer(platform::bus::EventBus& bus, LiveIndex& index,
                                 const std::string& durable_name,
                                 std::chrono::milliseconds forget_when_idle, Counters& events) {
  platform::bus::SubscriptionOptions options;
  options.durable_name = durable_name;
  options.subject_filter = "catalog.>";
  options.start = platform::bus::SubscriptionOptions::Start::now;
  options.forget_when_idle = forget_when_idle;
  subscription_ = bus.subscribe(options, [&index, &events](const Event& event) {
    try {
      events.with({event.subject, std::string(apply(index, event))}).increment();
    } catch (...) {
      events.with({event.subject, "failed"}).increment();
      throw;
    }
  });
}

CatalogConsumer::~CatalogConsumer() = default;

}  // namespace search
