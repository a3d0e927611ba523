#include "store/orders_store.h"

#include <boost/json.hpp>

#include "events/order_events.h"
#include "platform/bus/outbox.h"
#include "platform/error.h"
#include "platform/ids.h"

namespace orders {

namespace {

using platform::db::Dialect;
using platform::db::Row;
using platform::db::Session;

constexpr std::string_view kOrderColumns =
    "SELECT id, customer_id, email, status, currency, merchandise, discount, shipping, "
    "shipping_tax, tax, total, refunded, prices_include_tax, tax_name, coupon, shipping_address, "
    "shipping_speed, delivery_min_days, delivery_max_days, carrier, tracking_number, "
    "payment_method, cancel_reason, saga_step, reservation_id, payment_id, saga_attempts, "
    "step_started_at, next_attempt_at, created_at, updated_at, placed_by FROM orders ";

std::string address_text(const ShippingAddress& address) {
  return boost::json::serialize(boost::json::object{{"recipient", address.recipient},
                                                    {"line1", address.line1},
                                                    {"line2", address.line2},
                                                    {"city", address.city},
                                                    {"region", address.region},
                                                    {"postal_code", address.postal_code},
                                                    {"country", address.country},
                                                    {"phone", address.phone}});
}

ShippingAddress parse_address(const std::string& text) {
  const auto object = boost::json::parse(text).as_object();
  const auto member = [&](std::string_view key) { return std::string(object.at(key).as_string()); };
  return {member("recipient"), member("line1"),       member("line2"),   member("city"),
          member("region"),    member("postal_code"), member("country"), member("phone")};
}

[[noreturn]] void corrupt(const std::string& id, const std::string& what) {
  throw platform::Error(platform::ErrorKind::internal, "corrupt-order",
                        "order " + id + ": " + what);
}

Order order_from(Session& session, const Row& row) {
  Order order;
  order.id = row.get<std::string>(0);
  auto& draft = order.draft;
  draft.customer_id = row.get<std::string>(1);
  draft.email = row.get<std::string>(2);
  const auto status = parse_order_status(row.get<std::string>(3));
  if (!status) corrupt(order.id, "bad status");
  order.status = *status;
  draft.currency = row.get<std::string>(4);
  draft.totals = {row.get<std::int64_t>(5), row.get<std::int64_t>(6), row.get<std::int64_t>(7),
                  row.get<std::int64_t>(8), row.get<std::int64_t>(9), row.get<std::int64_t>(10)};
  order.refunded = row.get<std::int64_t>(11);
  draft.prices_include_tax = row.get<bool>(12);
  draft.tax_name = row.get<std::string>(13);
  draft.coupon = row.get<std::string>(14);
  draft.shipping.address = parse_address(row.get<std::string>(15));
  draft.shipping.speed = row.get<std::string>(16);
  draft.shipping.min_days = row.get<int>(17);
  draft.shipping.max_days = row.get<int>(18);
  order.carrier = row.get<std::string>(19);
  order.tracking_number = row.get<std::string>(20);
  draft.payment_method = row.get<std::string>(21);
  auto& saga = order.saga;
  saga.cancel_reason = row.get<std::string>(22);
  const auto step = parse_saga_step(row.get<std::string>(23));
  if (!step) corrupt(order.id, "bad saga step");
  saga.step = *step;
  saga.reservation_id = row.get<std::string>(24);
  saga.payment_id = row.get<std::string>(25);
  saga.attempts = row.get<int>(26);
  saga.step_started_at = row.get<std::int64_t>(27);
  saga.next_attempt_at = row.get<std::int64_t>(28);
  order.created_at = row.get<std::int64_t>(29);
  order.updated_at = row.get<std::int64_t>(30);
  order.placed_by = row.get<std::string>(31);

  for (const auto& line : session.run(
           "SELECT product_id, sku, title, quantity, unit_price, subtotal, discount, tax, total "
           "FROM order_lines WHERE order_id = $1 ORDER BY position",
           order.id)) {
    draft.lines.push_back(
        {line.get<std::string>(0), line.get<std::string>(1), line.get<std::string>(2),
         line.get<std::int64_t>(3), line.get<std::int64_t>(4), line.get<std::int64_t>(5),
         line.get<std::int64_t>(6), line.get<std::int64_t>(7), line.get<std::int64_t>(8)});
  }
  for (const auto& change :
       session.run("SELECT status, note, at FROM order_status_history WHERE order_id = $1 "
                   "ORDER BY sequence",
                   order.id)) {
    const auto past = parse_order_status(change.get<std::string>(0));
    if (!past) corrupt(order.id, "bad status in history");
    order.history.push_back({*past, change.get<std::string>(1), change.get<std::int64_t>(2)});
  }
  return order;
}

std::optional<Order> load(Session& session, std::string_view id, bool lock) {
  std::string sql(kOrderColumns);
  sql += "WHERE id = $1";
  if (lock && session.dialect() == Dialect::postgres) sql += " FOR UPDATE";
  const auto rows = session.run(sql, id);
  if (rows.empty()) return std::nullopt;
  return order_from(session, rows.front());
}

Order load_existing(Session& session, std::string_view id, bool lock) {
  auto order = load(session, id, lock);
  if (!order) throw platform::not_found("order-not-found", "no order " + std::string(id));
  return std::move(*order);
}

// Appends `status` to the timeline and announces it; the caller has checked
// that the order may take it and updates the orders row.
void record_status(Session& session, Order& order, OrderStatus status, std::string note,
                   std::int64_t now) {
  session.run(
      "INSERT INTO order_status_history (order_id, sequence, status, note, at) "
      "VALUES ($1, $2, $3, $4, $5)",
      order.id, static_cast<std::int64_t>(order.history.size()), to_string(status), note, now);
  order.history.push_back({status, std::move(note), now});
  order.status = status;
  order.updated_at = now;
  if (auto event = status_event(order, status)) platform::bus::Outbox::add(session, *event);
}

void require_move(OrderStatus from, OrderStatus to) {
  if (!may_move(from, to)) {
    throw platform::conflict("illegal-transition",
                             "an order that is " + std::string(to_string(from)) +
                                 " cannot become " + std::string(to_string(to)));
  }
}

void require_move(const Order& order, OrderStatus to) { require_move(order.status, to); }

// The order under `claimed`'s lease, locked; throws order-busy when another
// claim took it over.
Order load_claimed(Session& session, const ClaimedOrder& claimed) {
  // Locked first: a takeover committing meanwhile is then seen below.
  auto order = load_existing(session, claimed.order.id, true);
  const auto owner = session.run("SELECT lease_owner FROM orders WHERE id = $1", claimed.order.id);
  if (owner.empty() || owner.front().get<std::string>(0) != claimed.lease) {
    throw platform::conflict("order-busy", "the order was taken over by another change");
  }
  return order;
}

// Inserts the order unless its placement key was taken; false when it was.
bool insert_order(Session& session, const Order& order, const Placement& placement,
                  const std::string& lease, std::int64_t lease_until) {
  const auto& draft = order.draft;
  const auto& saga = order.saga;
  const auto inserted = session.run(
      "INSERT INTO orders (id, customer_id, email, status, currency, merchandise, discount, "
      "shipping, shipping_tax, tax, total, refunded, prices_include_tax, tax_name, coupon, "
      "shipping_address, shipping_speed, delivery_min_days, delivery_max_days, carrier, "
      "tracking_number, payment_method, cancel_reason, placed_by, placement_key, placement_hash, "
      "saga_step, reservation_id, payment_id, saga_attempts, step_started_at, next_attempt_at, "
      "lease_owner, lease_until, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9, $10, $11, 0, $12, $13, $14, $15, $16, $17, $18, '', '', $19, '', $20, $21, $22, $23, "
      "'', '', 0, $24, $24, $25, $26, $24, $24) ON CONFLICT (placed_by, placement_key) DO NOTHING",
      order.id, draft.customer_id, draft.email, to_string(OrderStatus::pending), draft.currency,
      draft.totals.merchandise, draft.totals.discount, draft.totals.shipping,
      draft.totals.shipping_tax, draft.totals.tax, draft.totals.total, draft.prices_include_tax,
      draft.tax_name, draft.coupon, address_text(draft.shipping.address), draft.shipping.speed,
      static_cast<std::int64_t>(draft.shipping.min_days),
      static_cast<std::int64_t>(draft.shipping.max_days), draft.payment_method, placement.requester,
      placement.key, placement.request_hash, to_string(saga.step), order.created_at, lease,
      lease_until);
  if (inserted.affected_rows() == 0) return false;
  for (std::size_t i = 0; i < draft.lines.size(); ++i) {
    const auto& line = draft.lines[i];
    session.run(
        "INSERT INTO order_lines (order_id, position, product_id, sku, title, quantity, "
        "unit_price, subtotal, discount, tax, total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
        "$10, $11)",
        order.id, static_cast<std::int64_t>(i), line.product_id, line.sku, line.title,
        line.quantity, line.unit_price, line.subtotal, line.discount, line.tax, line.total);
  }
  return true;
}

// The order an earlier request with `placement`'s key made, if any.
std::optional<Order> placed_before(Session& session, const Placement& placement) {
  const auto rows = session.run(
      "SELECT id, placement_hash FROM orders WHERE placed_by = $1 AND placement_key = $2",
      placement.requester, placement.key);
  if (rows.empty()) return std::nullopt;
  if (rows.front().get<std::string>(1) != placement.request_hash) {
    throw platform::unprocessable("idempotency-key-reused",
                                  "this Idempotency-Key was used for a different order",
                                  "Idempotency-Key");
  }
  return load_existing(session, rows.front().get<std::string>(0), false);
}

}  // namespace

OrdersStore::OrdersStore(platform::db::Database& database, std::function<void()> on_commit)
    : database_(database), on_commit_(std::move(on_commit)) {}

OrdersStore::Placed OrdersStore::place(const Order& order, const Placement& placement,
                                       std::int64_t lease_millis) {
  auto lease = platform::new_uuid_v7();
  auto placed = database_.write([&](Session& session) -> Placed {
    // Inserted first, looked up only when the key was taken: a replay, or a
    // concurrent request with the same key (this one waits on the unique
    // key, then finds nothing inserted and the order the other one made).
    if (!insert_order(session, order, placement, lease, order.created_at + lease_millis)) {
      if (auto earlier = placed_before(session, placement)) return {std::move(*earlier), {}};
      throw platform::conflict("idempotency-key-in-use", "the Idempotency-Key is in use; retry");
    }
    Order stored = order;
    stored.placed_by = placement.requester;
    stored.status = OrderStatus::pending;
    stored.history.clear();
    record_status(session, stored, OrderStatus::pending, "placed", order.created_at);
    return {std::move(stored), lease, order.created_at + lease_millis};
  });
  if (placed.lease) on_commit_();
  return placed;
}

std::optional<Order> OrdersStore::find(std::string_view id) {
  return database_.read([&](Session& session) { return load(session, id, false); });
}

OrderPage OrdersStore::list(const OrderQuery& query) {
  // The statement depends on which filters are set, never on their values:
  // one prepared statement per combination, each planned with its index.
  std::string sql(kOrderColumns);
  sql += "WHERE 1 = 1";
  std::vector<platform::db::Value> parameters;
  const auto next = [&](platform::db::Value value) {
    parameters.push_back(std::move(value));
    return "$" + std::to_string(parameters.size());
  };
  if (query.customer_id) sql += " AND customer_id = " + next(*query.customer_id);
  if (query.status) sql += " AND status = " + next(std::string(to_string(*query.status)));
  if (query.placed_from) sql += " AND created_at >= " + next(*query.placed_from);
  if (query.placed_until) sql += " AND created_at < " + next(*query.placed_until);
  if (query.after) {
    const auto time = next(query.after->time);
    sql += " AND (created_at < " + time + " OR (created_at = " + time + " AND id < " +
           next(query.after->id) + "))";
  }
  sql += " ORDER BY created_at DESC, id DESC LIMIT " +
         next(static_cast<std::int64_t>(query.limit + 1));
  return database_.read([&](Session& session) {
    const auto rows = session.execute(sql, parameters);
    OrderPage page;
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(query.limit); ++i) {
      page.items.push_back(order_from(session, rows[i]));
    }
    if (rows.size() > static_cast<std::size_t>(query.limit)) {
      const auto& last = page.items.back();
      page.next_cursor = platform::encode_cursor(kOrderListCursor, {last.created_at, last.id});
    }
    return page;
  });
}

std::optional<ClaimedOrder> OrdersStore::claim(std::string_view id, std::int64_t now,
                                               std::int64_t lease_millis) {
  return database_.write([&](Session& session) -> std::optional<ClaimedOrder> {
    auto lease = platform::new_uuid_v7();
    const auto taken = session.run(
        "UPDATE orders SET lease_owner = $2, lease_until = $3 WHERE id = $1 AND lease_until <= $4",
        id, lease, now + lease_millis, now);
    if (taken.affected_rows() == 0) {
      if (session.run("SELECT 1 FROM orders WHERE id = $1", id).empty()) {
        throw platform::not_found("order-not-found", "no order " + std::string(id));
      }
      return std::nullopt;
    }
    return ClaimedOrder{load_existing(session, id, false), std::move(lease), now + lease_millis};
  });
}

std::vector<std::string> OrdersStore::due_sagas(std::int64_t now, int limit) {
  return database_.read([&](Session& session) {
    std::vector<std::string> ids;
    for (const auto& row : session.run(
             "SELECT id FROM orders WHERE saga_step NOT IN ('done', 'cancelled') AND "
             "next_attempt_at <= $1 AND lease_until <= $1 ORDER BY next_attempt_at LIMIT $2",
             now, static_cast<std::int64_t>(limit))) {
      ids.push_back(row.get<std::string>(0));
    }
    return ids;
  });
}

bool OrdersStore::save_saga(ClaimedOrder& claimed, const SagaState& next,
                            const std::vector<StatusChange>& statuses, std::int64_t now,
                            std::int64_t lease_millis) {
  // The transaction may run again (a deadlock or serialization failure on
  // PostgreSQL): it works on a copy, kept only once committed.
  Order saved_order;
  const bool saved = database_.write([&](Session& session) {
    saved_order = claimed.order;
    const bool finished = is_finished(next.step);
    // Under our lease nobody else changes the order: its status is the one we hold.
    auto status = saved_order.status;
    for (const auto& change : statuses) {
      require_move(status, change.status);
      status = change.status;
    }
    const auto changed = session.run(
        "UPDATE orders SET saga_step = $3, reservation_id = $4, payment_id = $5, "
        "cancel_reason = $6, saga_attempts = $7, step_started_at = $8, next_attempt_at = $9, "
        "lease_owner = $10, lease_until = $11, updated_at = $12, status = $13 "
        "WHERE id = $1 AND lease_owner = $2",
        claimed.order.id, claimed.lease, to_string(next.step), next.reservation_id, next.payment_id,
        next.cancel_reason, static_cast<std::int64_t>(next.attempts), next.step_started_at,
        next.next_attempt_at, finished ? std::string() : claimed.lease,
        finished ? std::int64_t{0} : now + lease_millis, now, to_string(status));
    if (changed.affected_rows() == 0) return false;
    saved_order.saga = next;
    for (const auto& change : statuses) {
      record_status(session, saved_order, change.status,
                    change.status == OrderStatus::cancelled ? next.cancel_reason : change.note,
                    change.at);
    }
    saved_order.updated_at = now;
    return true;
  });
  if (saved) {
    claimed.order = std::move(saved_order);
    claimed.lease_until = is_finished(next.step) ? 0 : now + lease_millis;
  }
  if (saved && !statuses.empty()) on_commit_();
  return saved;
}

void OrdersStore::release(const ClaimedOrder& claimed) {
  database_.write([&](Session& session) {
    session.run(
        "UPDATE orders SET lease_owner = '', lease_until = 0 WHERE id = $1 AND lease_owner = $2",
        claimed.order.id, claimed.lease);
  });
}

Order OrdersStore::record_shipment(const ClaimedOrder& claimed, const std::string& carrier,
                                   const std::string& tracking_number, std::int64_t now) {
  auto changed = database_.write([&](Session& session) {
    auto order = load_claimed(session, claimed);
    require_move(order, OrderStatus::shipped);
    session.run(
        "UPDATE orders SET status = 'shipped', carrier = $2, tracking_number = $3, "
        "updated_at = $4 WHERE id = $1",
        order.id, carrier, tracking_number, now);
    order.carrier = carrier;
    order.tracking_number = tracking_number;
    record_status(session, order, OrderStatus::shipped, carrier + " " + tracking_number, now);
    return order;
  });
  on_commit_();
  return changed;
}

Order OrdersStore::record_delivery(std::string_view id, std::int64_t now) {
  auto changed = database_.write([&](Session& session) {
    auto order = load_existing(session, id, true);
    require_move(order, OrderStatus::delivered);
    session.run("UPDATE orders SET status = 'delivered', updated_at = $2 WHERE id = $1", order.id,
                now);
    record_status(session, order, OrderStatus::delivered, {}, now);
    return order;
  });
  on_commit_();
  return changed;
}

Order OrdersStore::record_refund(const ClaimedOrder& claimed, const Placement& key,
                                 std::int64_t amount, const std::string& reason, std::int64_t now) {
  auto changed = database_.write([&](Session& session) {
    auto order = load_claimed(session, claimed);
    check_refund(order, amount);
    const auto status = status_after_refund(order, amount);
    session.run(
        "INSERT INTO order_refunds (order_id, requested_by, key, request_hash, amount, reason, "
        "at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        order.id, key.requester, key.key, key.request_hash, amount, reason, now);
    session.run("UPDATE orders SET status = $2, refunded = $3, updated_at = $4 WHERE id = $1",
                order.id, to_string(status), order.refunded + amount, now);
    order.refunded += amount;
    record_status(session, order, status, reason, now);
    return order;
  });
  on_commit_();
  return changed;
}

std::optional<Order> OrdersStore::recorded_refund(const Placement& key) {
  return database_.read([&](Session& session) -> std::optional<Order> {
    const auto rows = session.run(
        "SELECT order_id, request_hash FROM order_refunds WHERE requested_by = $1 AND key = $2",
        key.requester, key.key);
    if (rows.empty()) return std::nullopt;
    if (rows.front().get<std::string>(1) != key.request_hash) {
      throw platform::unprocessable("idempotency-key-reused",
                                    "this Idempotency-Key was used for a different request",
                                    "Idempotency-Key");
    }
    return load_existing(session, rows.front().get<std::string>(0), false);
  });
}

}  // namespace orders
