#include "store/profiles.h"

#include "domain/text_rules.h"
#include "events/customer_events.h"
#include "platform/bus/outbox.h"
#include "platform/clock.h"
#include "platform/http/idempotency.h"
#include "representation/customer_json.h"
#include "store/address_book.h"
#include "store/order_history.h"
#include "store/recently_viewed.h"
#include "store/wishlist.h"

namespace customers {

using platform::db::Session;

std::optional<Customer> Profiles::find(const std::string& id) {
  return transactions_.read([&](Session& session) { return find_customer(session, id); });
}

Customer Profiles::get(const std::string& id, IfMissing if_missing) {
  if (auto customer = find(id)) return *customer;
  if (if_missing == IfMissing::fail) throw_customer_not_found(id);
  return transactions_.write([&](Session& session) {
    lock_customer(session, id, IfMissing::create);
    return *find_customer(session, id);
  });
}

Customer Profiles::update(const std::string& id, const ProfileChanges& changes,
                          IfMissing if_missing) {
  return transactions_.write([&](Session& session) {
    lock_customer(session, id, if_missing);
    auto customer = *find_customer(session, id);
    apply_changes(customer, changes);
    customer.updated_at = platform::now_unix_millis();
    session.run(
        "UPDATE customers SET name = $2, phone = $3, preferences = $4, updated_at = $5 "
        "WHERE id = $1",
        id, customer.name, customer.phone, preferences_text(customer.preferences),
        customer.updated_at);
    return customer;
  });
}

Page<Customer> Profiles::list(const CustomerQuery& query) {
  const std::string select(kSelectCustomers);
  const auto limit = static_cast<std::int64_t>(query.page.limit + 1);
  const auto& after = query.page.after;
  const auto rows = transactions_.read([&](Session& session) {
    if (query.email && after) {
      return session.run(select + " WHERE email = $1 AND id < $2 ORDER BY id DESC LIMIT $3",
                         *query.email, after->id, limit);
    }
    if (query.email) {
      return session.run(select + " WHERE email = $1 ORDER BY id DESC LIMIT $2", *query.email,
                         limit);
    }
    if (after) {
      return session.run(select + " WHERE id < $1 ORDER BY id DESC LIMIT $2", after->id, limit);
    }
    return session.run(select + " ORDER BY id DESC LIMIT $1", limit);
  });
  Page<Customer> page;
  for (const auto& row : rows) page.items.push_back(read_customer(row));
  if (page.items.size() > static_cast<std::size_t>(query.page.limit)) {
    page.items.pop_back();
    page.next_cursor = encode_cursor(ListKind::customers, {0, page.items.back().id});
  }
  return page;
}

std::optional<CustomerData> Profiles::export_data(const std::string& id) {
  return transactions_.read([&](Session& session) -> std::optional<CustomerData> {
    auto profile = find_customer(session, id);
    if (!profile) return std::nullopt;
    CustomerData data;
    data.profile = std::move(*profile);
    data.addresses = AddressBook::all(session, id);
    data.wishlist = Wishlist::all(session, id);
    data.recently_viewed = RecentlyViewed::newest(session, id, kRecentlyViewedKept);
    data.orders = OrderHistory::all(session, id);
    return data;
  });
}

void Profiles::erase(const std::string& id, IfMissing if_missing) {
  transactions_.write([&](Session& session) {
    // Locked first: writes for this customer waiting on the lock find the
    // tombstone once they get it.
    const bool has_profile = lock_existing_customer(session, id);
    const auto tombstone = session.run(
        "INSERT INTO erased_customers (id, erased_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
        id, platform::now_unix_millis());
    if (tombstone.affected_rows() == 0) return;  // erased before
    if (!has_profile && if_missing == IfMissing::fail) throw_customer_not_found(id);
    // Children first: they refer to the profile.
    session.run("DELETE FROM addresses WHERE customer_id = $1", id);
    session.run("DELETE FROM wishlist_items WHERE customer_id = $1", id);
    session.run("DELETE FROM recently_viewed WHERE customer_id = $1", id);
    session.run("DELETE FROM order_history WHERE customer_id = $1", id);
    session.run("DELETE FROM customers WHERE id = $1", id);
    platform::http::forget_idempotency_keys(session, "customers", id);
    platform::bus::Outbox::add(session, customer_deleted(id));
  });
}

EventEffect Profiles::register_user(Session& session, const UserRegistered& registered) {
  // Locked first, so that an erasure in progress is seen once it commits.
  lock_existing_customer(session, registered.user_id);
  if (is_erased(session, registered.user_id)) return EventEffect::erased;
  session.run(
      "INSERT INTO customers (id, email, name, phone, preferences, created_at, updated_at) "
      "VALUES ($1, $2, $3, NULL, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET "
      "email = excluded.email, "
      "name = CASE WHEN customers.name = '' THEN excluded.name ELSE customers.name END, "
      "updated_at = excluded.updated_at",
      registered.user_id, lower_case(registered.email), registered.name,
      preferences_text(Preferences{}), registered.registered_at, platform::now_unix_millis());
  return EventEffect::applied;
}

}  // namespace customers
