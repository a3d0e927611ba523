#include "events/interaction_consumer.h"

#include "events/inbound_events.h"
#include "platform/bus/event_data.h"
#include "platform/bus/outbox.h"
#include "store/interaction_store.h"

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

}  // namespace

InteractionConsumer::InteractionConsumer(
    platform::db::Database& database, platform::bus::EventBus& bus,
    platform::metrics::Family<platform::metrics::Counter>& events, const ConsumerOptions& options) {
  for (const auto& [name, subject] :
       {std::pair{&options.orders, kOrderPaid}, std::pair{&options.views, kProductViewed},
        std::pair{&options.carts, kCartItemAdded}}) {
    platform::bus::SubscriptionOptions subscription;
    subscription.durable_name = *name;
    subscription.subject_filter = subject;
    subscription.start = options.start;
    subscriptions_.push_back(bus.subscribe(
        subscription,
        platform::bus::counted_exactly_once(database, *name, events, log_interactions)));
  }
}

InteractionConsumer::~InteractionConsumer() = default;

}  // namespace recommendations
