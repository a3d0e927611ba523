#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/tax.h"

namespace cart {

// What the cart needs to know of a product, as the catalog says it now.
struct ProductSnapshot {
  std::string product_id;
  std::string sku;
  std::string title;
  std::int64_t unit_price = 0;  // minor units of `currency`
  std::string currency;
  TaxCategory tax_category = TaxCategory::standard;
  int weight_grams = 0;
  bool active = true;          // on sale
  std::int64_t available = 0;  // on hand less held for orders
};

// A line keeps the product's figures as they were last checked, so the cart
// reads without the catalog and can say when a price moved.
struct CartLine {
  std::string product_id;
  std::string sku;
  std::string title;
  std::int64_t unit_price = 0;
  TaxCategory tax_category = TaxCategory::standard;
  int weight_grams = 0;
  int quantity = 0;
  std::int64_t added_at = 0;  // Unix milliseconds
  // The price before the catalog last changed it, until the customer touches
  // the line: what "the price went from X to Y" is made of.
  std::optional<std::int64_t> previous_unit_price;
  bool operator==(const CartLine&) const = default;
};

struct Cart {
  std::string currency;  // of every line; empty while the cart is
  std::vector<CartLine> lines;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  bool operator==(const Cart&) const = default;
};

// What orders accept too: lines per cart and units per line.
inline constexpr std::size_t kMaxCartLines = 100;
inline constexpr int kMaxLineQuantity = 1000;

const CartLine* find_line(const Cart& cart, std::string_view product_id);

// Throws Error(unprocessable, "cart-full") when `product_id` would be a line
// too many.
void check_room_for(const Cart& cart, std::string_view product_id);

// Adds `quantity` of `product` (to its line if there is one), refreshing the
// line's figures. Throws Error(unprocessable) currency-mismatch, cart-full
// or quantity-too-large, Error(conflict) product-unavailable, or
// insufficient-stock when the catalog has fewer than the line would hold.
void add_item(Cart& cart, const ProductSnapshot& product, int quantity, std::int64_t now);

// Sets a line's quantity (0 removes it), checked against `product` like
// add_item. Throws Error(not_found, "line-not-found") for a product not in
// the cart.
void set_quantity(Cart& cart, const ProductSnapshot& product, int quantity, std::int64_t now);

// Whether there was a line to remove.
bool remove_item(Cart& cart, std::string_view product_id, std::int64_t now);
// Removes a line that must be there: Error(not_found, "line-not-found")
// otherwise.
void remove_line(Cart& cart, std::string_view product_id, std::int64_t now);

// A guest's lines join a customer's cart at sign-in: quantities of a product
// in both add up (to the per-line limit); lines in another currency than the
// customer's cart, or beyond its size, stay out. Returns the product ids left
// out.
std::vector<std::string> merge_into(Cart& customer, const Cart& guest, std::int64_t now);

// After checkout: the ordered quantities leave the cart; lines added or
// increased meanwhile keep the difference.
struct OrderedQuantity {
  std::string product_id;
  int quantity = 0;
};
void remove_ordered(Cart& cart, const std::vector<OrderedQuantity>& ordered, std::int64_t now);

// Takes the catalog's current figures into the lines (those it knows);
// returns whether anything changed. A moved price is remembered in
// previous_unit_price.
bool refresh_prices(Cart& cart, const std::vector<ProductSnapshot>& products);

// Why a line cannot be bought as it stands, if it cannot: "unavailable" (gone,
// off sale, or now priced in another currency), "out-of-stock",
// "insufficient-stock" (fewer than the line holds). nullopt when it can.
// `product` is null for a product the catalog no longer knows.
std::optional<std::string_view> line_problem(const Cart& cart, const CartLine& line,
                                             const ProductSnapshot* product);

}  // namespace cart
