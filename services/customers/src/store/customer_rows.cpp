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
  if (is_erased(session, id)) throw_customer_not_found(id);
  const auto now = platform::now_unix_millis();
  session.run(
      "INSERT INTO customers (id, email, name, phone, preferences, created_at, updated_at) "
      "VALUES ($1, '', '', NULL, $2, $3, $3) ON CONFLICT (id) DO NOTHING",
      id, preferences_text(Preferences{}), now);
}

bool lock_existing_customer(Session& session, const std::string& id) {
  const bool postgres = session.dialect() == platform::db::Dialect::postgres;
  const auto found = postgres ? session.run("SELECT id FROM customers WHERE id = $1 FOR UPDATE", id)
                              : session.run("SELECT id FROM customers WHERE id = $1", id);
  return !found.empty();
}

void lock_customer(Session& session, const std::string& id, IfMissing if_missing) {
  if (if_missing == IfMissing::create) create_customer_if_absent(session, id);
  if (!lock_existing_customer(session, id) || is_erased(session, id)) {
    throw_customer_not_found(id);
  }
}

void throw_customer_not_found(std::string_view id) {
  throw platform::not_found("customer-not-found", "no customer " + std::string(id));
}

}  // namespace customers
