#include "store/recently_viewed.h"

#include <algorithm>

#include "events/customer_events.h"
#include "platform/bus/outbox.h"
#include "platform/clock.h"

namespace customers {

using platform::db::Session;

std::vector<ViewedProduct> RecentlyViewed::newest(Session& session, const std::string& customer_id,
                                                  std::size_t limit) {
  std::vector<ViewedProduct> views;
  for (const auto& row :
       session.run("SELECT product_id, viewed_at FROM recently_viewed WHERE customer_id = $1 "
                   "ORDER BY viewed_at DESC, product_id LIMIT $2",
                   customer_id, static_cast<std::int64_t>(limit))) {
    views.push_back({row.get<std::string>(0), row.get<std::int64_t>(1)});
  }
  return views;
}

std::optional<std::vector<ViewedProduct>> RecentlyViewed::list(const std::string& customer_id,
                                                               std::size_t limit) {
  return transactions_.read([&](Session& session) -> std::optional<std::vector<ViewedProduct>> {
    if (!find_customer(session, customer_id)) return std::nullopt;
    return newest(session, customer_id, limit);
  });
}

ViewedProduct RecentlyViewed::record(const std::string& customer_id, const std::string& product_id,
                                     IfMissing if_missing) {
  return transactions_.write([&](Session& session) {
    lock_customer(session, customer_id, if_missing);
    // Views within one millisecond still get distinct times, so "newest
    // first" is the order they were recorded in.
    const auto latest =
        session
            .run("SELECT MAX(viewed_at) FROM recently_viewed WHERE customer_id = $1", customer_id)
            .front()
            .get<std::optional<std::int64_t>>(0);
    const ViewedProduct view{product_id,
                             std::max(platform::now_unix_millis(), latest.value_or(0) + 1)};
    session.run(
        "INSERT INTO recently_viewed (customer_id, product_id, viewed_at) VALUES ($1, $2, $3) "
        "ON CONFLICT (customer_id, product_id) DO UPDATE SET viewed_at = excluded.viewed_at",
        customer_id, view.product_id, view.viewed_at);
    session.run(
        "DELETE FROM recently_viewed WHERE customer_id = $1 AND product_id NOT IN ("
        "SELECT product_id FROM recently_viewed WHERE customer_id = $1 "
        "ORDER BY viewed_at DESC, product_id LIMIT $2)",
        customer_id, static_cast<std::int64_t>(kRecentlyViewedKept));
    platform::bus::Outbox::add(session,
                               product_viewed(customer_id, view.product_id, view.viewed_at));
    return view;
  });
}

}  // namespace customers
