#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/customer.h"
#include "platform/db/database.h"

namespace customers {

// What to do when a customer has no profile yet. The customer's own calls
// create it (the profile may be asked for before auth.user.registered
// arrives, and eventual consistency must not show as an error); anyone
// else's get customer-not-found.
enum class IfMissing { create, fail };

// What applying an event did, for the customers_events_total metric.
enum class EventEffect { applied, stale, erased };
std::string_view to_string(EventEffect effect);

// Selects profiles with the columns read_customer expects, in order.
inline constexpr std::string_view kSelectCustomers =
    "SELECT id, email, name, phone, preferences, created_at, updated_at FROM customers";
Customer read_customer(const platform::db::Row& row);

// Session-level building blocks the store classes share.
std::optional<Customer> find_customer(platform::db::Session& session, std::string_view id);
bool is_erased(platform::db::Session& session, std::string_view id);
// Creates an empty profile unless one exists or the customer was erased.
void create_customer_if_absent(platform::db::Session& session, const std::string& id);
// On PostgreSQL holds the profile's row lock until the transaction ends: one
// customer's writes run one at a time, so limits and the single default
// address hold under concurrency (SQLite writers are serialised already).
// False when there is no profile, or the customer was erased (also when the
// erasure committed while this waited for the lock).
bool lock_existing_customer(platform::db::Session& session, const std::string& id);
// The same, after making sure the profile exists as `if_missing` says.
bool try_lock_customer(platform::db::Session& session, const std::string& id, IfMissing if_missing);
// try_lock_customer, throwing customer-not-found when it fails.
void lock_customer(platform::db::Session& session, const std::string& id, IfMissing if_missing);

[[noreturn]] void throw_customer_not_found(std::string_view id);

}  // namespace customers
