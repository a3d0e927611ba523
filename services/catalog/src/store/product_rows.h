#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/product.h"
#include "domain/product_query.h"
#include "platform/db/result.h"
#include "platform/db/value.h"

namespace catalog {

// The columns read_product expects, joined with inventory.
inline constexpr std::string_view kProductSelect =
    "SELECT p.id, p.sku, p.slug, p.title, p.description, p.brand, p.category_id, p.category_path, "
    "p.attributes, p.price_amount, p.currency, p.image_ids, p.status, p.popularity, "
    "p.tax_category, p.weight_grams, p.version, p.created_at, p.updated_at, i.on_hand, i.reserved, "
    "i.version "
    "FROM products p JOIN inventory i ON i.product_id = p.id";

Product read_product(const platform::db::Row& row);
// on_hand, reserved and version from the row's columns `first` onwards.
Stock read_stock(const platform::db::Row& row, std::size_t first = 0);
std::string attributes_text(const Product& product);
std::string image_ids_text(const Product& product);

struct Statement {
  std::string sql;
  std::vector<platform::db::Value> parameters;
};

// The listing query for `query`: only constant SQL fragments, every value a
// parameter. It asks for limit + 1 rows to learn whether a next page exists.
Statement build_list_statement(const ProductQuery& query);

}  // namespace catalog
