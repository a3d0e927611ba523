#include "store/customer_rows.h"

#include "platform/clock.h"
#include "platform/error.h"
#include "representation/customer_json.h"

namespace customers {

using platform::db::Session;

std::string_view to_string(EventEffect effect) {
  switch (effect) {
    case EventEffect::applied:
      return "applied";
    case EventEffect::stale:
      return "stale";
    case EventEffect::erased:
      return "erased";
  }
  return "applied";
}

Customer read_customer(const platform::db::Row& row) {
  Customer customer;
  customer.id = row.get<std::string>(0);
  customer.email = row.get<std::string>(1);
  customer.name = row.get<std::string>(2);
  customer.phone = row.get<std::optional<std::string>>(3);
  customer.preferences = parse_preferences_text(row.get<std::string>(4));
  customer.created_at = row.get<std::int64_t>(5);
  customer.updated_at = row.get<std::int64_t>(6);
  return customer;
}

std::optional<Customer> find_customer(Session& session, std::string_view id) {
  const auto result = session.run(std::string(kSelectCustomers) + " WHERE id = $1", id);
  if (result.empty()) return std::nullopt;
  return read_customer(result.front());
}

bool is_erased(Session& session, std::string_view id) {
  return !session.run("SELECT 1 FROM erased_customers WHERE id = $1", id).empty();
}

void create_customer_if_absent(Session& session, const std::string& id) {
  // An erased customer gets no new profile (the tombstone check is part of
  // the insert: one round trip).
  const auto now = platform::now_unix_millis();
  session.run(
      "INSERT INTO customers (id, email, name, phone, preferences, created_at, updated_at) "
      "SELECT $1, '', '', NULL, $2, $3, $3 "
      "WHERE NOT EXISTS (SELECT 1 FROM erased_customers WHERE id = $1) "
      "ON CONFLICT (id) DO NOTHING",
      id, preferences_text(Preferences{}), now);
}

bool lock_existing_customer(Session& session, const std::string& id) {
  // After waiting for the lock, PostgreSQL rechecks the row: an erasure that
  // committed meanwhile deleted it, so it is not found. An erasure that
  // committed before this statement is seen by its snapshot.
  const bool postgres = session.dialect() == platform::db::Dialect::postgres;
  const auto found =
      session.run(postgres ? "SELECT c.id FROM customers c WHERE c.id = $1 AND NOT EXISTS "
                             "(SELECT 1 FROM erased_customers e WHERE e.id = c.id) FOR UPDATE OF c"
                           : "SELECT c.id FROM customers c WHERE c.id = $1 AND NOT EXISTS "
                             "(SELECT 1 FROM erased_customers e WHERE e.id = c.id)",
                  id);
  return !found.empty();
}

bool try_lock_customer(Session& session, const std::string& id, IfMissing if_missing) {
  // Most customers have a profile: one statement for them.
  if (lock_existing_customer(session, id)) return true;
  if (if_missing == IfMissing::fail) return false;
  create_customer_if_absent(session, id);
  return lock_existing_customer(session, id);
}

void lock_customer(Session& session, const std::string& id, IfMissing if_missing) {
  if (!try_lock_customer(session, id, if_missing)) throw_customer_not_found(id);
}

void throw_customer_not_found(std::string_view id) {
  throw platform::not_found("customer-not-found", "no customer " + std::string(id));
}

}  // namespace customers
