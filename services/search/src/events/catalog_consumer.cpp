#include "events/catalog_consumer.h"

#include "events/catalog_documents.h"
#include "platform/bus/event_data.h"
#include "platform/json.h"

namespace search {
namespace {

using platform::bus::Event;

template <class Parse>
auto read(const Event& event, Parse parse) {
  return platform::bus::read_or_skip(
      event, [&](const Event& read) { return parse(platform::json::parse_object(read.data)); });
}

// Applies the event; returns the outcome to count.
std::string_view apply(LiveIndex& index, const Event& event) {
  std::optional<bool> changed;
  if (event.subject == "catalog.product.upserted") {
    if (const auto product = read(event, product_from_catalog)) changed = index.upsert(*product);
  } else if (event.subject == "catalog.stock.changed") {
    if (const auto figure = read(event, stock_from_catalog)) {
      changed = index.set_stock(figure->product_id, figure->stock);
    }
  } else if (event.subject == "catalog.product.deleted") {
    if (const auto id = read(event, deleted_product_id)) changed = index.remove(*id);
  } else {
    return "ignored";
  }
  if (!changed) return "invalid";
  return *changed ? "applied" : "unchanged";
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
