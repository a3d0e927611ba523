#include "events/cart_events.h"

#include <boost/json.hpp>

#include "platform/bus/event.h"
#include "platform/error.h"
#include "platform/log.h"

namespace cart {

CartEvents::CartEvents(platform::bus::EventBus& bus, platform::metrics::Registry& registry)
    : bus_(bus),
      published_(registry.counter("cart_events_total", "Cart events by subject and outcome",
                                  {"subject", "outcome"})) {}

void CartEvents::item_added(const CartOwner& owner, const CartLine& line, int added,
                            const std::string& currency) {
  boost::json::object data{{"cart", owner.is_customer() ? "customer" : "guest"},
                           {"product_id", line.product_id},
                           {"quantity", added},
                           {"line_quantity", line.quantity},
                           {"unit_price", {{"amount", line.unit_price}, {"currency", currency}}}};
  if (owner.is_customer()) data["customer_id"] = owner.id;
  publish("cart.item.added", boost::json::serialize(data));
}

void CartEvents::publish(std::string subject, std::string data) {
  try {
    bus_.publish(platform::bus::make_event(subject, std::move(data)));
    published_.with({subject, "published"}).increment();
  } catch (const platform::Error& error) {
    published_.with({subject, "lost"}).increment();
    platform::log::warn("cart event not published",
                        {{"subject", subject}, {"error", error.what()}});
  }
}

}  // namespace cart
