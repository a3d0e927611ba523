#include "store/order_history.h"

#include "platform/error.h"

namespace customers {

using platform::db::Session;

namespace {

constexpr std::string_view kSelectOrders =
    "SELECT order_id, customer_id, status, total_amount, currency, item_count, placed_at, "
    "updated_at FROM order_history";

OrderSummary read_order(const platform::db::Row& row) {
  OrderSummary order;
  order.order_id = row.get<std::string>(0);
  order.customer_id = row.get<std::string>(1);
  const auto status = parse_order_status(row.get<std::string>(2));
  if (!status) {
    throw platform::Error(platform::ErrorKind::internal, "bad-row", "unknown order status");
  }
  order.status = *status;
  order.total_amount = row.get<std::int64_t>(3);
  order.currency = row.get<std::string>(4);
  order.item_count = row.get<std::int64_t>(5);
  order.placed_at = row.get<std::int64_t>(6);
  order.updated_at = row.get<std::int64_t>(7);
  return order;
}

}  // namespace

std::vector<OrderSummary> OrderHistory::all(Session& session, const std::string& customer_id) {
  std::vector<OrderSummary> orders;
  for (const auto& row :
       session.run(std::string(kSelectOrders) + " WHERE customer_id = $1 "
                                                "ORDER BY placed_at DESC, order_id DESC",
                   customer_id)) {
    orders.push_back(read_order(row));
  }
  return orders;
}

std::optional<Page<OrderSummary>> OrderHistory::list(const std::string& customer_id,
                                                     const PageRequest& request) {
  const auto rows =
      transactions_.read([&](Session& session) -> std::optional<platform::db::Result> {
        if (!find_customer(session, customer_id)) return std::nullopt;
        const auto limit = static_cast<std::int64_t>(request.limit + 1);
        if (!request.after) {
          return session.run(std::string(kSelectOrders) +
                                 " WHERE customer_id = $1 ORDER BY placed_at DESC, order_id DESC "
                                 "LIMIT $2",
                             customer_id, limit);
        }
        return session.run(std::string(kSelectOrders) +
                               " WHERE customer_id = $1 AND (placed_at, order_id) < ($2, $3) "
                               "ORDER BY placed_at DESC, order_id DESC LIMIT $4",
                           customer_id, request.after->time, request.after->id, limit);
      });
  if (!rows) return std::nullopt;
  Page<OrderSummary> page;
  for (const auto& row : *rows) page.items.push_back(read_order(row));
  if (page.items.size() > static_cast<std::size_t>(request.limit)) {
    page.items.pop_back();
    const auto& last = page.items.back();
    page.next_cursor = encode_cursor(ListKind::orders, {last.placed_at, last.order_id});
  }
  return page;
}

EventEffect OrderHistory::apply(Session& session, const OrderSummary& order) {
  if (!try_lock_customer(session, order.customer_id, IfMissing::create)) {
    return EventEffect::erased;
  }
  const auto inserted = session.run(
      "INSERT INTO order_history (order_id, customer_id, status, total_amount, currency, "
      "item_count, placed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
      "ON CONFLICT (order_id) DO NOTHING",
      order.order_id, order.customer_id, std::string(to_string(order.status)), order.total_amount,
      order.currency, order.item_count, order.placed_at, order.updated_at);
  if (inserted.affected_rows() == 1) return EventEffect::applied;

  const auto stored =
      session.run(std::string(kSelectOrders) + " WHERE order_id = $1", order.order_id);
  if (stored.empty() || !supersedes(order, read_order(stored.front()))) return EventEffect::stale;
  // The order's customer never changes: only its state does.
  session.run(
      "UPDATE order_history SET status = $2, total_amount = $3, currency = $4, item_count = $5, "
      "placed_at = $6, updated_at = $7 WHERE order_id = $1",
      order.order_id, std::string(to_string(order.status)), order.total_amount, order.currency,
      order.item_count, order.placed_at, order.updated_at);
  return EventEffect::applied;
}

}  // namespace customers
