#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/order.h"
#include "platform/db/database.h"
#include "platform/http/idempotency.h"
#include "platform/page_cursor.h"

namespace orders {

// Who placed an order (or asked for a refund) with which Idempotency-Key,
// for which request.
using Placement = platform::http::KeyedRequest;

// The name of the orders list in its page cursors.
inline constexpr std::string_view kOrderListCursor = "o1";

struct OrderQuery {
  std::optional<std::string> customer_id;
  std::optional<OrderStatus> status;
  std::optional<std::int64_t> placed_from;   // Unix milliseconds, inclusive
  std::optional<std::int64_t> placed_until;  // exclusive
  int limit = 20;
  std::optional<platform::PageCursor> after;  // newest first
};

struct OrderPage {
  std::vector<Order> items;
  std::optional<std::string> next_cursor;
};

// An order being changed: as it was when claimed, and the lease token that
// every change made under the claim must show.
struct ClaimedOrder {
  Order order;
  std::string lease;
  std::int64_t lease_until = 0;  // Unix milliseconds; 0: unknown, treat as lapsing
};

// Orders in SQL with their lines, tracking timeline and saga. Every status
// change appends to the timeline and, for the statuses the world hears
// about, writes the event to the outbox in the same transaction.
class OrdersStore {
 public:
  OrdersStore(platform::db::Database& database, std::function<void()> on_commit);

  // Stores `order` (pending, its saga about to reserve stock) claiming the
  // placement's key, and announces orders.order.placed; the new order comes
  // claimed for `lease_millis`, so its saga is run by the request that placed
  // it. When the key was claimed before, returns that order unclaimed
  // instead; the same key with another request throws
  // Error(unprocessable, "idempotency-key-reused").
  struct Placed {
    Order order;
    std::optional<std::string> lease;  // set when this call created the order
    std::int64_t lease_until = 0;      // with it: when the lease lapses
  };
  Placed place(const Order& order, const Placement& placement, std::int64_t lease_millis);

  std::optional<Order> find(std::string_view id);
  OrderPage list(const OrderQuery& query);

  // Takes order `id` for `lease_millis` when nobody holds it; nullopt
  // otherwise (Error(not_found) for an unknown order). The lease keeps two
  // changes that call other services off one order: the saga's runners (a
  // request and the background resumer, or two replicas), a cancellation, a
  // shipment capturing the payment, a refund.
  std::optional<ClaimedOrder> claim(std::string_view id, std::int64_t now,
                                    std::int64_t lease_millis);
  // Unfinished sagas due for another attempt whose lease has lapsed.
  std::vector<std::string> due_sagas(std::int64_t now, int limit);
  // Stores the saga's next state and the statuses the order took since the
  // last store (in order, each on the timeline at its time), extending the
  // lease (released once the saga is finished). False when the lease was
  // lost: someone else runs the saga now, and this runner stops.
  bool save_saga(ClaimedOrder& claimed, const SagaState& next,
                 const std::vector<StatusChange>& statuses, std::int64_t now,
                 std::int64_t lease_millis);
  // Gives the lease back.
  void release(const ClaimedOrder& claimed);

  // The changes below throw Error(conflict, "illegal-transition") when the
  // order's status does not allow them, and Error(conflict, "order-busy")
  // when the claim's lease was lost.

  // paid → shipped, with carrier and tracking number (the payment captured).
  Order record_shipment(const ClaimedOrder& claimed, const std::string& carrier,
                        const std::string& tracking_number, std::int64_t now);
  // shipped → delivered.
  Order record_delivery(std::string_view id, std::int64_t now);
  // A refund made at the payment service, recorded with its key: the order's
  // refunded amount and status move, orders.order.refunded is announced.
  Order record_refund(const ClaimedOrder& claimed, const Placement& key, std::int64_t amount,
                      const std::string& reason, std::int64_t now);
  // The order a refund key was recorded for, if it was (a replay); throws
  // Error(unprocessable, "idempotency-key-reused") for another request.
  std::optional<Order> recorded_refund(const Placement& key);

 private:
  platform::db::Database& database_;
  std::function<void()> on_commit_;
};

}  // namespace orders
