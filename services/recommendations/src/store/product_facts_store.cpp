#include "store/product_facts_store.h"

namespace recommendations {
namespace {

// Ids are looked up this many at a time, the unused places filled with ""
// (no product's id): one statement text, prepared once per connection.
constexpr std::size_t kIdsPerLookup = 50;

const std::string& lookup_statement() {
  static const std::string statement = [] {
    std::string sql =
        "SELECT product_id, category, on_sale, in_stock FROM product_facts"
        " WHERE deleted = 0 AND product_id IN (";
    for (std::size_t place = 1; place <= kIdsPerLookup; ++place) {
      sql += (place == 1 ? "$" : ", $") + std::to_string(place);
    }
    return sql + ")";
  }();
  return statement;
}

}  // namespace

void ProductFactsStore::apply(platform::db::Session& session, const CatalogChange& change) {
  // Versions start below any the catalog gives, so the first of each kind
  // applies; until the product itself is told of, it is not on sale.
  session.run(
      "INSERT INTO product_facts (product_id, category, on_sale, product_version, in_stock,"
      " stock_version, deleted) VALUES ($1, '', 0, -1, 0, -1, 0)"
      " ON CONFLICT (product_id) DO NOTHING",
      change.product_id);
  if (change.category && change.on_sale) {
    session.run(
        "UPDATE product_facts SET category = $2, on_sale = $3, product_version = $4"
        " WHERE product_id = $1 AND product_version < $4",
        change.product_id, *change.category, static_cast<std::int64_t>(*change.on_sale ? 1 : 0),
        change.product_version);
  }
  if (change.in_stock) {
    session.run(
        "UPDATE product_facts SET in_stock = $2, stock_version = $3"
        " WHERE product_id = $1 AND stock_version < $3",
        change.product_id, static_cast<std::int64_t>(*change.in_stock ? 1 : 0),
        change.stock_version);
  }
  if (change.deleted) {
    session.run("UPDATE product_facts SET deleted = 1 WHERE product_id = $1", change.product_id);
  }
}

std::unordered_map<std::string, ProductFacts> ProductFactsStore::facts(
    const std::vector<std::string>& product_ids) const {
  std::unordered_map<std::string, ProductFacts> known;
  if (product_ids.empty()) return known;
  database_.read([&](platform::db::Session& session) {
    std::vector<platform::db::Value> ids(kIdsPerLookup);
    for (std::size_t first = 0; first < product_ids.size(); first += kIdsPerLookup) {
      for (std::size_t place = 0; place < kIdsPerLookup; ++place) {
        const auto index = first + place;
        ids[place] = index < product_ids.size() ? product_ids[index] : std::string();
      }
      for (const auto& row : session.execute(lookup_statement(), ids)) {
        known[row.get<std::string>(0)] = {
            row.get<std::string>(1),
            row.get<std::int64_t>(2) != 0 && row.get<std::int64_t>(3) != 0};
      }
    }
  });
  return known;
}

}  // namespace recommendations
