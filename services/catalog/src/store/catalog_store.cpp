#include "store/catalog_store.h"

#include "events/catalog_events.h"
#include "platform/bus/outbox.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "store/product_rows.h"

namespace catalog {

using platform::db::Session;
using platform::db::Value;

CatalogStore::CatalogStore(platform::db::Database& database,
                           platform::bus::OutboxTransactions::Committed committed)
    : database_(database), transactions_(database, std::move(committed)) {}

template <class Work>
auto CatalogStore::write(Work&& work) {
  return transactions_.write(std::forward<Work>(work));
}

// ---- categories ------------------------------------------------------------

namespace {

Category read_category(const platform::db::Row& row) {
  return Category{row.get<std::string>(0), row.get<std::string>(1),
                  row.get<std::string>(2), row.get<std::optional<std::string>>(3),
                  row.get<std::string>(4), row.get<int>(5)};
}

std::optional<Category> category_by(Session& session, std::string_view id_or_slug) {
  const auto result = session.run(
      "SELECT id, slug, name, parent_id, path, position FROM categories WHERE id = $1 OR slug = $1",
      id_or_slug);
  if (result.empty()) return std::nullopt;
  return read_category(result.front());
}

void append_event(Session& session, const platform::bus::Event& event) {
  platform::bus::Outbox::add(session, event);
}

}  // namespace

std::vector<Category> CatalogStore::list_categories() {
  return database_.read([](Session& session) {
    std::vector<Category> categories;
    for (const auto& row : session.run(
             "SELECT id, slug, name, parent_id, path, position FROM categories ORDER BY path")) {
      categories.push_back(read_category(row));
    }
    return categories;
  });
}

std::optional<Category> CatalogStore::find_category(std::string_view id_or_slug) {
  return database_.read([&](Session& session) { return category_by(session, id_or_slug); });
}

Category CatalogStore::create_category(const std::string& slug, const std::string& name,
                                       const std::optional<std::string>& parent, int position) {
  if (!is_valid_slug(slug)) {
    throw platform::invalid_field("slug",
                                  "slug must be lower-case letters, digits and single dashes");
  }
  if (name.empty() || name.size() > 100) {
    throw platform::invalid_field("name", "name must have 1 to 100 characters");
  }
  return write([&](Session& session) {
    Category category;
    category.id = platform::new_uuid_v7();
    category.slug = slug;
    category.name = name;
    category.position = position;
    std::optional<std::string> parent_path;
    if (parent) {
      auto parent_category = category_by(session, *parent);
      if (!parent_category) throw platform::invalid_field("parent", "no category " + *parent);
      category.parent_id = parent_category->id;
      parent_path = parent_category->path;
    }
    category.path = child_path(parent_path, slug);
    if (category_by(session, slug)) {
      throw platform::conflict("category-slug-taken", "a category with slug " + slug + " exists");
    }
    session.run(
        "INSERT INTO categories (id, slug, name, parent_id, path, position) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        category.id, category.slug, category.name, category.parent_id, category.path,
        category.position);
    return category;
  });
}

// ---- products ----------------------------------------------------------------

namespace {

std::optional<Product> product_where(Session& session, std::string_view condition,
                                     std::string_view key, bool lock) {
  std::string sql = std::string(kProductSelect) + " WHERE " + std::string(condition);
  if (lock && session.dialect() == platform::db::Dialect::postgres) sql += " FOR UPDATE OF p";
  const auto result = session.run(sql, key);
  if (result.empty()) return std::nullopt;
  return read_product(result.front());
}

// Clients may name the category by id or slug; the product keeps the id.
void resolve_category(Session& session, Product& product) {
  auto category = category_by(session, product.category_id);
  if (!category) throw platform::invalid_field("category", "no category " + product.category_id);
  product.category_id = category->id;
  product.category_path = category->path;
}

void ensure_unique(Session& session, const Product& product) {
  const auto result =
      session.run("SELECT sku, slug FROM products WHERE (sku = $1 OR slug = $2) AND id <> $3",
                  product.sku, product.slug, product.id);
  for (const auto& row : result) {
    if (row.get<std::string>(0) == product.sku) {
      throw platform::Error(platform::ErrorKind::conflict, "sku-taken",
                            "another product has sku " + product.sku, "sku");
    }
    throw platform::Error(platform::ErrorKind::conflict, "slug-taken",
                          "another product has slug " + product.slug, "slug");
  }
}

// One statement for create and update keeps the column list in one place.
void save_product_row(Session& session, const Product& product) {
  session.run(
      "INSERT INTO products (id, sku, slug, title, description, brand, category_id, category_path, "
      "attributes, price_amount, currency, image_ids, status, popularity, tax_category, "
      "weight_grams, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
      "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT (id) DO UPDATE SET "
      "sku = excluded.sku, slug = excluded.slug, title = excluded.title, "
      "description = excluded.description, brand = excluded.brand, "
      "category_id = excluded.category_id, category_path = excluded.category_path, "
      "attributes = excluded.attributes, price_amount = excluded.price_amount, "
      "currency = excluded.currency, image_ids = excluded.image_ids, status = excluded.status, "
      "popularity = excluded.popularity, tax_category = excluded.tax_category, "
      "weight_grams = excluded.weight_grams, version = excluded.version, "
      "updated_at = excluded.updated_at",
      product.id, product.sku, product.slug, product.title, product.description, product.brand,
      product.category_id, product.category_path, attributes_text(product), product.price.amount,
      product.price.currency, image_ids_text(product), to_string(product.status),
      product.popularity, to_string(product.tax_category), product.weight_grams, product.version,
      product.created_at, product.updated_at);
}

Product insert_product(Session& session, const ProductChanges& changes,
                       std::int64_t initial_stock) {
  if (initial_stock < 0) throw platform::invalid_field("stock.on_hand", "stock must be at least 0");
  Product product;
  product.id = platform::new_uuid_v7();
  apply_changes(product, changes);
  resolve_category(session, product);
  product.created_at = product.updated_at = platform::now_unix_millis();
  product.version = 1;
  product.stock = Stock{initial_stock, 0, 1};
  ensure_unique(session, product);
  save_product_row(session, product);
  session.run(
      "INSERT INTO inventory (product_id, on_hand, reserved, version, updated_at) "
      "VALUES ($1, $2, 0, 1, $3)",
      product.id, initial_stock, product.created_at);
  append_event(session, product_upserted(product));
  append_event(session, stock_changed(product.id, product.stock));
  return product;
}

Product update_locked(Session& session, Product product, const ProductChanges& changes) {
  const auto previous_category = product.category_id;
  apply_changes(product, changes);
  if (product.category_id != previous_category) resolve_category(session, product);
  ensure_unique(session, product);
  product.version += 1;
  product.updated_at = platform::now_unix_millis();
  save_product_row(session, product);
  append_event(session, product_upserted(product));
  return product;
}

// How a change moves a product's inventory: the SQL (product id, quantity,
// now; returning on_hand, reserved) and how many units become available per
// unit moved (1, 0 or -1).
struct StockMove {
  std::string_view sql;
  int available_per_unit;
};

// Applies `move` to a product's inventory; nullopt when its conditions
// left the row alone. catalog.stock.changed goes out when the product went
// out of stock or came back (ADR 14): holds and confirmations that leave it
// on the same side are not news.
std::optional<Stock> try_move_stock(Session& session, const std::string& product_id,
                                    const StockMove& move, std::int64_t quantity) {
  const auto result = session.run(move.sql, product_id, quantity, platform::now_unix_millis());
  if (result.empty()) return std::nullopt;
  const auto stock = read_stock(result.front());
  if (availability_flipped(stock, move.available_per_unit * quantity)) {
    append_event(session, stock_changed(product_id, stock));
  }
  return stock;
}

// try_move_stock for moves that have no conditions: the row must be there.
Stock change_stock(Session& session, const std::string& product_id, const StockMove& move,
                   std::int64_t quantity) {
  const auto stock = try_move_stock(session, product_id, move, quantity);
  if (!stock) {
    throw platform::Error(platform::ErrorKind::internal, "stock-update-failed",
                          "inventory row missing for " + product_id);
  }
  return *stock;
}

}  // namespace

Product CatalogStore::create_product(const ProductChanges& changes, std::int64_t initial_stock) {
  return write([&](Session& session) { return insert_product(session, changes, initial_stock); });
}

std::pair<Product, bool> CatalogStore::upsert_product_by_sku(const ProductChanges& changes,
                                                             std::optional<std::int64_t> stock) {
  if (!changes.sku) throw platform::invalid_field("sku", "sku is required");
  return write([&](Session& session) -> std::pair<Product, bool> {
    auto existing = product_where(session, "p.sku = $1", *changes.sku, true);
    if (!existing) return {insert_product(session, changes, stock.value_or(0)), true};
    auto product = update_locked(session, std::move(*existing), changes);
    if (stock && *stock != product.stock.on_hand) {
      const auto set = session.run(
          "UPDATE inventory SET version = version + 1, on_hand = $2, updated_at = $3 WHERE "
          "product_id = $1 AND "
          "reserved <= $2 RETURNING on_hand, reserved, version",
          product.id, *stock, platform::now_unix_millis());
      if (set.empty()) {
        throw platform::Error(platform::ErrorKind::conflict, "stock-below-reserved",
                              "on hand would fall below the " +
                                  std::to_string(product.stock.reserved) + " units reserved",
                              "stock");
      }
      // Set by an operator: always announced.
      product.stock = read_stock(set.front());
      append_event(session, stock_changed(product.id, product.stock));
    }
    return {product, false};
  });
}

std::optional<Product> CatalogStore::find_product(std::string_view id) {
  return database_.read(
      [&](Session& session) { return product_where(session, "p.id = $1", id, false); });
}

std::optional<Product> CatalogStore::find_product_by_slug(std::string_view slug) {
  return database_.read(
      [&](Session& session) { return product_where(session, "p.slug = $1", slug, false); });
}

Product CatalogStore::update_product(std::string_view id, const ProductChanges& changes,
                                     std::optional<std::int64_t> expected_version) {
  return write([&](Session& session) {
    auto product = product_where(session, "p.id = $1", id, true);
    if (!product) throw platform::not_found("product-not-found", "no product " + std::string(id));
    if (expected_version && *expected_version != product->version) {
      throw platform::Error(platform::ErrorKind::precondition_failed, "version-mismatch",
                            "product changed since version " + std::to_string(*expected_version) +
                                "; it is at version " + std::to_string(product->version));
    }
    return update_locked(session, std::move(*product), changes);
  });
}

void CatalogStore::delete_product(std::string_view id) {
  write([&](Session& session) {
    auto product = product_where(session, "p.id = $1", id, true);
    if (!product) throw platform::not_found("product-not-found", "no product " + std::string(id));
    const auto held = session.run(
        "SELECT COUNT(*) FROM reservation_lines l JOIN reservations r ON r.id = l.reservation_id "
        "WHERE l.product_id = $1",
        id);
    if (held.front().get<std::int64_t>(0) > 0) {
      // Reservations and orders keep pointing at it: archive it instead.
      throw platform::conflict("product-referenced",
                               "product has reservations; set status to archived instead");
    }
    session.run("DELETE FROM inventory WHERE product_id = $1", id);
    session.run("DELETE FROM products WHERE id = $1", id);
    append_event(session, product_deleted(*product));
  });
}

ProductPage CatalogStore::list_products(const ProductQuery& query) {
  const auto statement = build_list_statement(query);
  return database_.read([&](Session& session) {
    ProductPage page;
    const auto result = session.execute(statement.sql, statement.parameters);
    for (const auto& row : result) {
      if (static_cast<int>(page.items.size()) == query.limit) {
        page.next_cursor = encode_cursor(cursor_after(page.items.back(), query.sort));
        break;
      }
      page.items.push_back(read_product(row));
    }
    return page;
  });
}

// ---- inventory ---------------------------------------------------------------

Stock CatalogStore::stock(std::string_view product_id) {
  return database_.read([&](Session& session) {
    const auto result = session.run(
        "SELECT on_hand, reserved, version FROM inventory WHERE product_id = $1", product_id);
    if (result.empty()) {
      throw platform::not_found("product-not-found", "no product " + std::string(product_id));
    }
    return read_stock(result.front());
  });
}

Stock CatalogStore::adjust_stock(std::string_view product_id, std::int64_t delta) {
  return write([&](Session& session) {
    const auto result = session.run(
        "UPDATE inventory SET version = version + 1, on_hand = on_hand + $2, updated_at = $3 "
        "WHERE product_id = $1 AND on_hand + $2 >= reserved RETURNING on_hand, reserved, version",
        product_id, delta, platform::now_unix_millis());
    if (result.empty()) {
      const auto current = session.run(
          "SELECT on_hand, reserved, version FROM inventory WHERE product_id = $1", product_id);
      if (current.empty()) {
        throw platform::not_found("product-not-found", "no product " + std::string(product_id));
      }
      throw platform::Error(platform::ErrorKind::conflict, "stock-below-reserved",
                            "on hand would fall below the " +
                                std::to_string(current.front().get<std::int64_t>(1)) +
                                " units reserved",
                            "delta");
    }
    const auto stock = read_stock(result.front());
    append_event(session, stock_changed(std::string(product_id), stock));
    return stock;
  });
}

// ---- reservations --------------------------------------------------------------

namespace {

std::optional<Reservation> reservation_where(Session& session, std::string_view condition,
                                             std::string_view key) {
  const auto head = session.run(
      "SELECT id, order_id, status, expires_at, created_at, updated_at, returned_at "
      "FROM reservations WHERE " +
          std::string(condition),
      key);
  if (head.empty()) return std::nullopt;
  const auto& row = head.front();
  Reservation reservation;
  reservation.id = row.get<std::string>(0);
  reservation.order_id = row.get<std::string>(1);
  reservation.status = parse_reservation_status(row.get<std::string>(2)).value();
  reservation.expires_at = row.get<std::int64_t>(3);
  reservation.created_at = row.get<std::int64_t>(4);
  reservation.updated_at = row.get<std::int64_t>(5);
  reservation.returned_at = row.get<std::optional<std::int64_t>>(6);
  // The status column stays 'confirmed' on return (0002_reservation_returns.sql).
  if (reservation.returned_at) reservation.status = ReservationStatus::returned;
  for (const auto& line :
       session.run("SELECT product_id, quantity FROM reservation_lines WHERE reservation_id = $1 "
                   "ORDER BY product_id",
                   reservation.id)) {
    reservation.lines.push_back({line.get<std::string>(0), line.get<std::int64_t>(1)});
  }
  return reservation;
}

// Moves a held reservation to `status`, applying `move` to each line. Only
// the transaction that wins the status change touches stock, so a confirm
// racing an expiry can never do both.
bool settle(Session& session, Reservation& reservation, ReservationStatus status,
            const StockMove& move) {
  const auto now = platform::now_unix_millis();
  const auto changed = session.run(
      "UPDATE reservations SET status = $2, updated_at = $3 WHERE id = $1 AND status = 'held'",
      reservation.id, to_string(status), now);
  if (changed.affected_rows() == 0) return false;
  for (const auto& line : reservation.lines)
    change_stock(session, line.product_id, move, line.quantity);
  reservation.status = status;
  reservation.updated_at = now;
  return true;
}

constexpr StockMove kReleaseStock{
    "UPDATE inventory SET version = version + 1, reserved = reserved - $2, updated_at = $3 WHERE "
    "product_id = $1 "
    "RETURNING on_hand, reserved, version",
    1};
constexpr StockMove kShipStock{
    "UPDATE inventory SET version = version + 1, on_hand = on_hand - $2, reserved = reserved - $2, "
    "updated_at = $3 "
    "WHERE product_id = $1 RETURNING on_hand, reserved, version",
    0};
constexpr StockMove kReturnStock{
    "UPDATE inventory SET version = version + 1, on_hand = on_hand + $2, updated_at = $3 WHERE "
    "product_id = $1 "
    "RETURNING on_hand, reserved, version",
    1};
constexpr StockMove kHoldStock{
    "UPDATE inventory SET version = version + 1, reserved = reserved + $2, updated_at = $3 "
    "WHERE product_id = $1 AND on_hand - reserved >= $2 "
    "AND EXISTS (SELECT 1 FROM products p WHERE p.id = $1 AND p.status = 'active') "
    "RETURNING on_hand, reserved, version",
    -1};

// Why line `index` could not be held: no such product, not for sale, or
// not enough stock.
[[noreturn]] void refuse_reservation_line(Session& session, const ReservationLine& line,
                                          std::size_t index) {
  const auto field = "lines[" + std::to_string(index) + "]";
  const auto product = session.run("SELECT status FROM products WHERE id = $1", line.product_id);
  if (product.empty()) {
    throw platform::invalid_field(field + ".product_id", "no product " + line.product_id);
  }
  if (product.front().get<std::string>(0) != "active") {
    throw platform::Error(platform::ErrorKind::conflict, "product-unavailable",
                          "product " + line.product_id + " is not for sale", field + ".product_id");
  }
  throw platform::Error(
      platform::ErrorKind::conflict, "insufficient-stock",
      "not enough stock of " + line.product_id + " for " + std::to_string(line.quantity) + " units",
      field + ".quantity");
}

[[noreturn]] void reservation_not_found(std::string_view id) {
  throw platform::not_found("reservation-not-found", "no reservation " + std::string(id));
}

}  // namespace

std::pair<Reservation, bool> CatalogStore::reserve(const std::string& order_id,
                                                   std::vector<ReservationLine> lines,
                                                   std::int64_t hold_seconds) {
  lines = normalize_lines(std::move(lines));
  return write([&](Session& session) -> std::pair<Reservation, bool> {
    Reservation reservation;
    reservation.id = platform::new_uuid_v7();
    reservation.order_id = order_id;
    reservation.created_at = reservation.updated_at = platform::now_unix_millis();
    reservation.expires_at = reservation.created_at + hold_seconds * 1000;
    reservation.lines = lines;
    // The row goes in first: a concurrent request for the same order waits
    // on the unique order id, then finds the winner's reservation below
    // instead of reserving stock twice.
    const auto inserted = session.run(
        "INSERT INTO reservations (id, order_id, status, expires_at, created_at, updated_at) "
        "VALUES ($1, $2, 'held', $3, $4, $4) ON CONFLICT (order_id) DO NOTHING",
        reservation.id, order_id, reservation.expires_at, reservation.created_at);
    if (inserted.affected_rows() == 0) {
      auto existing = reservation_where(session, "order_id = $1", order_id);
      if (!existing) {
        throw platform::Error(platform::ErrorKind::unavailable, "reservation-busy",
                              "the reservation of order " + order_id + " changed meanwhile");
      }
      if (existing->lines != lines) {
        throw platform::conflict("reservation-mismatch",
                                 "order " + order_id + " already holds different lines");
      }
      return {std::move(*existing), false};
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& line = lines[i];
      // The common case in one statement; only a refusal looks at why.
      if (!try_move_stock(session, line.product_id, kHoldStock, line.quantity)) {
        refuse_reservation_line(session, line, i);
      }
      session.run(
          "INSERT INTO reservation_lines (reservation_id, product_id, quantity) VALUES ($1, $2, "
          "$3)",
          reservation.id, line.product_id, line.quantity);
    }
    return {reservation, true};
  });
}

std::optional<Reservation> CatalogStore::find_reservation(std::string_view id) {
  return database_.read(
      [&](Session& session) { return reservation_where(session, "id = $1", id); });
}

std::optional<Reservation> CatalogStore::find_reservation_by_order(std::string_view order_id) {
  return database_.read(
      [&](Session& session) { return reservation_where(session, "order_id = $1", order_id); });
}

Reservation CatalogStore::confirm_reservation(std::string_view id) {
  return write([&](Session& session) {
    auto reservation = reservation_where(session, "id = $1", id);
    if (!reservation) reservation_not_found(id);
    if (reservation->status == ReservationStatus::confirmed) return *reservation;
    if (reservation->status != ReservationStatus::held) {
      throw platform::conflict("reservation-" + std::string(to_string(reservation->status)),
                               "reservation is " + std::string(to_string(reservation->status)));
    }
    if (reservation->expires_at <= platform::now_unix_millis()) {
      throw platform::conflict("reservation-expired", "reservation expired before confirmation");
    }
    if (!settle(session, *reservation, ReservationStatus::confirmed, kShipStock)) {
      throw platform::conflict("reservation-changed", "reservation changed concurrently");
    }
    return *reservation;
  });
}

Reservation CatalogStore::release_reservation(std::string_view id) {
  return write([&](Session& session) {
    auto reservation = reservation_where(session, "id = $1", id);
    if (!reservation) reservation_not_found(id);
    if (reservation->status == ReservationStatus::released ||
        reservation->status == ReservationStatus::expired) {
      return *reservation;
    }
    if (reservation->status == ReservationStatus::confirmed) {
      throw platform::conflict("reservation-confirmed",
                               "a confirmed reservation cannot be released");
    }
    if (reservation->status == ReservationStatus::returned) {
      throw platform::conflict("reservation-returned", "a returned reservation cannot be released");
    }
    if (!settle(session, *reservation, ReservationStatus::released, kReleaseStock)) {
      throw platform::conflict("reservation-changed", "reservation changed concurrently");
    }
    return *reservation;
  });
}

Reservation CatalogStore::return_reservation(std::string_view id) {
  return write([&](Session& session) {
    auto reservation = reservation_where(session, "id = $1", id);
    if (!reservation) reservation_not_found(id);
    if (reservation->status == ReservationStatus::returned) return *reservation;
    if (reservation->status != ReservationStatus::confirmed) {
      throw platform::conflict("reservation-not-confirmed",
                               "only a confirmed reservation can be returned; this one is " +
                                   std::string(to_string(reservation->status)));
    }
    // Only the transaction that sets returned_at puts stock back. A concurrent
    // return that lost finds returned_at set (PostgreSQL re-checks the WHERE
    // after the winner commits; SQLite writers take turns) and answers with
    // the winner's result instead.
    const auto now = platform::now_unix_millis();
    const auto changed = session.run(
        "UPDATE reservations SET returned_at = $2, updated_at = $2 "
        "WHERE id = $1 AND status = 'confirmed' AND returned_at IS NULL",
        reservation->id, now);
    if (changed.affected_rows() == 0) {
      auto current = reservation_where(session, "id = $1", id);
      if (!current || current->status != ReservationStatus::returned) {
        throw platform::conflict("reservation-changed", "reservation changed concurrently");
      }
      return *current;
    }
    for (const auto& line : reservation->lines)
      change_stock(session, line.product_id, kReturnStock, line.quantity);
    reservation->status = ReservationStatus::returned;
    reservation->returned_at = now;
    reservation->updated_at = now;
    return *reservation;
  });
}

int CatalogStore::expire_reservations(std::int64_t now_millis, int limit) {
  const auto due = database_.read([&](Session& session) {
    std::vector<std::string> ids;
    for (const auto& row :
         session.run("SELECT id FROM reservations WHERE status = 'held' AND expires_at <= $1 "
                     "ORDER BY expires_at LIMIT $2",
                     now_millis, limit)) {
      ids.push_back(row.get<std::string>(0));
    }
    return ids;
  });
  int expired = 0;
  for (const auto& id : due) {
    expired += write([&](Session& session) {
      auto reservation = reservation_where(session, "id = $1", id);
      return reservation && settle(session, *reservation, ReservationStatus::expired, kReleaseStock)
                 ? 1
                 : 0;
    });
  }
  return expired;
}

}  // namespace catalog
