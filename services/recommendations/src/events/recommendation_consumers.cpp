#include "events/recommendation_consumers.h"

#include <tuple>

#include "events/catalog_changes.h"
#include "events/interaction_events.h"
#include "platform/bus/event_data.h"
#include "platform/bus/outbox.h"
#include "store/interaction_store.h"
#include "store/product_facts_store.h"

namespace recommendations {
namespace {

std::string_view log_interactions(platform::db::Session& session,
                                  const platform::bus::Event& event) {
  const auto interactions = platform::bus::read_or_skip(event, interactions_of);
  if (!interactions) return "invalid";
  if (interactions->empty()) return "ignored";
  InteractionStore::record(session, event.id, *interactions);
  return "applied";
}

std::string_view keep_facts(platform::db::Session& session, const platform::bus::Event& event) {
  const auto change = platform::bus::read_or_skip(event, catalog_change_of);
  if (!change) return "invalid";
  if (!*change) return "ignored";
  ProductFactsStore::apply(session, **change);
  return "applied";
}

}  // namespace

EventConsumers::EventConsumers(platform::db::Database& database, platform::bus::EventBus& bus,
                               platform::metrics::Family<platform::metrics::Counter>& events,
                               const ConsumerOptions& options) {
  for (const auto& [name, subject, effect] :
       {std::tuple{&options.orders, kOrderPaid, &log_interactions},
        std::tuple{&options.views, kProductViewed, &log_interactions},
        std::tuple{&options.carts, kCartItemAdded, &log_interactions},
        std::tuple{&options.catalog, kCatalogEvents, &keep_facts}}) {
    platform::bus::SubscriptionOptions subscription;
    subscription.durable_name = *name;
    subscription.subject_filter = subject;
    subscription.start = options.start;
    subscriptions_.push_back(bus.subscribe(
        subscription, platform::bus::counted_exactly_once(database, *name, events, effect)));
  }
}

EventConsumers::~EventConsumers() = default;

}  // namespace recommendations
