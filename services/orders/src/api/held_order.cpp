#include "api/held_order.h"

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/log.h"

namespace orders {

namespace {

ClaimedOrder claim_or_throw(OrdersStore& store, std::string_view id, std::int64_t lease_millis) {
  auto claimed = store.claim(id, platform::now_unix_millis(), lease_millis);
  if (!claimed) {
    throw platform::conflict("order-busy",
                             "the order is being changed right now; retry in a moment");
  }
  return std::move(*claimed);
}

}  // namespace

HeldOrder::HeldOrder(OrdersStore& store, std::string_view id, std::int64_t lease_millis)
    : store_(store), claimed_(claim_or_throw(store, id, lease_millis)) {}

HeldOrder::~HeldOrder() {
  if (!held_) return;
  try {
    store_.release(claimed_);
  } catch (const std::exception& error) {
    // The lease lapses by itself; until then the order stays busy.
    platform::log::warn("could not give an order back",
                        {{"order_id", claimed_.order.id}, {"error", error.what()}});
  }
}

ClaimedOrder HeldOrder::take() {
  held_ = false;
  return std::move(claimed_);
}

}  // namespace orders
