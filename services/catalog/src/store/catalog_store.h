#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/category.h"
#include "domain/product.h"
#include "domain/product_query.h"
#include "domain/reservation.h"
#include "platform/bus/outbox_transactions.h"
#include "platform/db/database.h"

namespace catalog {

// Everything the catalog keeps, behind SQL that runs unchanged on PostgreSQL
// and SQLite. Every write also appends its events to the outbox in the same
// transaction, then calls `committed` so the relay can publish them at once.
class CatalogStore {
 public:
  CatalogStore(platform::db::Database& database,
               platform::bus::OutboxTransactions::Committed committed);

  std::vector<Category> list_categories();
  std::optional<Category> find_category(std::string_view id_or_slug);
  Category create_category(const std::string& slug, const std::string& name,
                           const std::optional<std::string>& parent, int position);

  // `changes` must carry every required field; sku and slug must be unused.
  Product create_product(const ProductChanges& changes, std::int64_t initial_stock);
  // Creates the product or applies `changes` to the one with the same sku:
  // what a bulk import does. Returns the product and whether it was created.
  std::pair<Product, bool> upsert_product_by_sku(const ProductChanges& changes,
                                                 std::optional<std::int64_t> stock);
  std::optional<Product> find_product(std::string_view id);
  std::optional<Product> find_product_by_slug(std::string_view slug);
  // Throws precondition_failed when `expected_version` is given and stale.
  Product update_product(std::string_view id, const ProductChanges& changes,
                         std::optional<std::int64_t> expected_version);
  void delete_product(std::string_view id);
  ProductPage list_products(const ProductQuery& query);

  Stock stock(std::string_view product_id);
  // Adds `delta` to on hand; refuses to go below zero or below what is reserved.
  Stock adjust_stock(std::string_view product_id, std::int64_t delta);

  // Holds stock for an order until `hold_seconds` pass. Idempotent by order
  // id: the same order and lines return the existing reservation (created =
  // false); other lines for the same order are a conflict.
  std::pair<Reservation, bool> reserve(const std::string& order_id,
                                       std::vector<ReservationLine> lines,
                                       std::int64_t hold_seconds);
  std::optional<Reservation> find_reservation(std::string_view id);
  // The reservation of an order (order ids are unique), if it holds one.
  std::optional<Reservation> find_reservation_by_order(std::string_view order_id);
  Reservation confirm_reservation(std::string_view id);
  Reservation release_reservation(std::string_view id);
  // Puts the stock of a confirmed reservation back on hand (the paid order was
  // cancelled before shipment). Idempotent: a returned reservation comes back
  // unchanged. Throws conflict "reservation-not-confirmed" for any other status.
  Reservation return_reservation(std::string_view id);
  // Returns held stock of reservations past their expiry; returns how many.
  int expire_reservations(std::int64_t now_millis, int limit);

 private:
  template <class Work>
  auto write(Work&& work);

  platform::db::Database& database_;
  platform::bus::OutboxTransactions transactions_;
};

}  // namespace catalog
