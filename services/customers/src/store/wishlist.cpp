#include "store/wishlist.h"

#include "platform/clock.h"
#include "platform/error.h"

namespace customers {

using platform::db::Session;

std::vector<WishlistItem> Wishlist::all(Session& session, const std::string& customer_id) {
  std::vector<WishlistItem> items;
  for (const auto& row :
       session.run("SELECT product_id, added_at FROM wishlist_items WHERE customer_id = $1 "
                   "ORDER BY added_at DESC, product_id",
                   customer_id)) {
    items.push_back({row.get<std::string>(0), row.get<std::int64_t>(1)});
  }
  return items;
}

std::optional<std::vector<WishlistItem>> Wishlist::list(const std::string& customer_id) {
  return transactions_.read([&](Session& session) -> std::optional<std::vector<WishlistItem>> {
    if (!find_customer(session, customer_id)) return std::nullopt;
    return all(session, customer_id);
  });
}

std::pair<WishlistItem, bool> Wishlist::add(const std::string& customer_id,
                                            const std::string& product_id, IfMissing if_missing) {
  return transactions_.write([&](Session& session) -> std::pair<WishlistItem, bool> {
    lock_customer(session, customer_id, if_missing);
    const auto existing = session.run(
        "SELECT added_at FROM wishlist_items WHERE customer_id = $1 AND product_id = $2",
        customer_id, product_id);
    if (!existing.empty()) {
      return {WishlistItem{product_id, existing.front().get<std::int64_t>(0)}, false};
    }
    const auto count =
        session.run("SELECT COUNT(*) FROM wishlist_items WHERE customer_id = $1", customer_id)
            .front()
            .get<std::int64_t>(0);
    if (count >= static_cast<std::int64_t>(kMaxWishlistItems)) {
      throw platform::conflict("wishlist-full", "a wishlist holds at most " +
                                                    std::to_string(kMaxWishlistItems) +
                                                    " products; remove one first");
    }
    const WishlistItem item{product_id, platform::now_unix_millis()};
    session.run(
        "INSERT INTO wishlist_items (customer_id, product_id, added_at) VALUES ($1, $2, $3)",
        customer_id, item.product_id, item.added_at);
    return {item, true};
  });
}

void Wishlist::remove(const std::string& customer_id, const std::string& product_id) {
  const auto deleted = transactions_.write([&](Session& session) {
    return session
        .run("DELETE FROM wishlist_items WHERE customer_id = $1 AND product_id = $2", customer_id,
             product_id)
        .affected_rows();
  });
  if (deleted == 0) {
    throw platform::not_found("wishlist-item-not-found",
                              "product " + product_id + " is not on the wishlist");
  }
}

}  // namespace customers
