#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/money.h"

namespace catalog {

using platform::Money;

enum class ProductStatus { draft, active, archived };

std::string_view to_string(ProductStatus status);
std::optional<ProductStatus> parse_product_status(std::string_view text);

// The VAT class of a product. The catalog only keeps it; the cart turns it
// into a rate for the destination (books and food are reduced in most of the
// EU, some goods are zero-rated).
enum class TaxCategory { standard, reduced, zero };

std::string_view to_string(TaxCategory category);
std::optional<TaxCategory> parse_tax_category(std::string_view text);

// Heavier than any parcel a carrier takes: a typo rather than a product.
inline constexpr std::int64_t kMaxWeightGrams = 1'000'000;

struct Stock {
  std::int64_t on_hand = 0;
  std::int64_t reserved = 0;
  // Bumped by every change of the inventory row: orders stock events.
  std::int64_t version = 0;
  std::int64_t available() const { return on_hand - reserved; }
};

// Whether a change that moved the units available by `shift` and left
// `after` took the product out of stock or brought it back.
inline bool availability_flipped(const Stock& after, std::int64_t shift) {
  return (after.available() - shift > 0) != (after.available() > 0);
}

struct Product {
  std::string id;  // UUIDv7
  std::string sku;
  std::string slug;
  std::string title;
  std::string description;
  std::string brand;
  std::string category_id;
  std::string category_path;  // slugs from the root, "electronics/phones"
  std::map<std::string, std::string> attributes;
  Money price;
  std::vector<std::string> image_ids;
  ProductStatus status = ProductStatus::active;
  std::int64_t popularity = 0;
  TaxCategory tax_category = TaxCategory::standard;
  std::int64_t weight_grams = 0;  // shipping weight; 0 when unknown
  std::int64_t version = 1;       // bumped on every change; the ETag
  std::int64_t created_at = 0;    // Unix milliseconds
  std::int64_t updated_at = 0;
  Stock stock;
};

// The fields a create or a JSON merge patch may set; absent means unchanged.
struct ProductChanges {
  std::optional<std::string> sku;
  std::optional<std::string> slug;
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> brand;
  std::optional<std::string> category_id;
  std::optional<std::int64_t> price_amount;
  std::optional<std::string> price_currency;
  // Merge-patch semantics: a value sets the attribute, nullopt removes it.
  std::map<std::string, std::optional<std::string>> attributes;
  std::optional<std::vector<std::string>> image_ids;
  std::optional<ProductStatus> status;
  std::optional<std::int64_t> popularity;
  std::optional<TaxCategory> tax_category;
  std::optional<std::int64_t> weight_grams;
};

// Applies changes to a product (category_path is the store's business, as it
// needs the category tree). Throws platform::Error(invalid_argument) naming
// the field for any value that breaks a rule; the product is unchanged then.
void apply_changes(Product& product, const ProductChanges& changes);

// Every rule a stored product satisfies; apply_changes ends with it.
void validate(const Product& product);

// "Oak Desk Lamp, 40 W" -> "oak-desk-lamp-40-w"
std::string slugify(std::string_view title);

bool is_valid_sku(std::string_view sku);
bool is_valid_slug(std::string_view slug);

}  // namespace catalog
