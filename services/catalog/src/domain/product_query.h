#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/product.h"

namespace catalog {

enum class ProductSort { newest, price_ascending, price_descending, title, popularity };

std::optional<ProductSort> parse_product_sort(std::string_view text);
std::string_view to_string(ProductSort sort);

// Where the previous page ended: the sort key of its last item and its id,
// so the next page starts strictly after it (keyset pagination: stable under
// inserts and as fast on page 500 as on page 1).
struct Cursor {
  ProductSort sort = ProductSort::newest;
  std::int64_t number_key = 0;  // created_at, price or popularity
  std::string text_key;         // title
  std::string id;
};

// Opaque to clients: base64url of a small versioned record. decode_cursor
// throws Error(invalid_argument, field "cursor") on anything it did not make.
std::string encode_cursor(const Cursor& cursor);
Cursor decode_cursor(std::string_view text);

// The cursor that continues after `last` in `sort` order.
Cursor cursor_after(const Product& last, ProductSort sort);

// How many products one listing may name by id: a cart's worth, one page.
inline constexpr std::size_t kMaxProductIds = 100;

struct ProductQuery {
  std::vector<std::string> ids;              // only these, when not empty
  std::optional<std::string> category_path;  // subtree, incl. subcategories
  std::vector<std::string> brands;           // any of
  std::optional<std::int64_t> min_price;
  std::optional<std::int64_t> max_price;
  bool in_stock_only = false;
  std::vector<ProductStatus> statuses{ProductStatus::active};
  ProductSort sort = ProductSort::newest;
  int limit = 20;
  std::optional<Cursor> after;
};

struct ProductPage {
  std::vector<Product> items;
  std::optional<std::string> next_cursor;
};

}  // namespace catalog
