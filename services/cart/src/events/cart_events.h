#pragma once

#include <string>

#include "platform/bus/event_bus.h"
#include "platform/metrics.h"
#include "store/cart_store.h"

namespace cart {

// Publishes what happens in carts for others to learn from (recommendations
// read cart.item.added). The cart keeps no database to stage events in an
// outbox, and these are signals rather than records: an event the bus cannot
// take is counted and logged, and the customer's change stands (ADR 13).
class CartEvents {
 public:
  CartEvents(platform::bus::EventBus& bus, platform::metrics::Registry& registry);

  // cart.item.added: {"cart": "customer"|"guest", "customer_id" (customers
  // only), "product_id", "quantity" (added), "line_quantity" (now in the
  // cart), "unit_price": Money}.
  void item_added(const CartOwner& owner, const CartLine& line, int added,
                  const std::string& currency);

 private:
  void publish(std::string subject, std::string data);

  platform::bus::EventBus& bus_;
  platform::metrics::Family<platform::metrics::Counter>& published_;
};

}  // namespace cart
