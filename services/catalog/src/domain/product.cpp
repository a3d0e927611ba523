#include "domain/product.h"

#include <algorithm>
#include <cctype>

#include "platform/enum_names.h"
#include "platform/error.h"

namespace catalog {
namespace {

constexpr std::size_t kMaxAttributes = 50;
constexpr std::size_t kMaxImages = 20;

// The names the cart's tax rules use too (services/cart/src/domain/tax.cpp).
constexpr platform::EnumNames<TaxCategory, 3> kTaxCategoryNames{{{
    {TaxCategory::standard, "standard"},
    {TaxCategory::reduced, "reduced"},
    {TaxCategory::zero, "zero"},
}}};

bool is_slug_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

void require_length(const std::string& value, const char* field, std::size_t min, std::size_t max) {
  const auto length = characters(value);
  if (length < min || length > max) {
    throw platform::invalid_field(field, std::string(field) + " must have " + std::to_string(min) +
                                             " to " + std::to_string(max) + " characters");
  }
}

}  // namespace

std::string_view to_string(ProductStatus status) {
  switch (status) {
    case ProductStatus::draft:
      return "draft";
    case ProductStatus::active:
      return "active";
    case ProductStatus::archived:
      return "archived";
  }
  return "draft";
}

std::optional<ProductStatus> parse_product_status(std::string_view text) {
  if (text == "draft") return ProductStatus::draft;
  if (text == "active") return ProductStatus::active;
  if (text == "archived") return ProductStatus::archived;
  return std::nullopt;
}

std::string_view to_string(TaxCategory category) { return kTaxCategoryNames.name(category); }

std::optional<TaxCategory> parse_tax_category(std::string_view text) {
  return kTaxCategoryNames.parse(text);
}

bool is_valid_sku(std::string_view sku) {
  return !sku.empty() && sku.size() <= 64 && std::all_of(sku.begin(), sku.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

bool is_valid_slug(std::string_view slug) {
  return !slug.empty() && slug.size() <= 120 && slug.front() != '-' && slug.back() != '-' &&
         std::all_of(slug.begin(), slug.end(), is_slug_char) &&
         slug.find("--") == std::string_view::npos;
}

std::string slugify(std::string_view title) {
  std::string slug;
  for (char c : title) {
    const auto lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (is_slug_char(lower) && lower != '-') {
      slug += lower;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= 100) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

void validate(const Product& product) {
  if (!is_valid_sku(product.sku)) {
    throw platform::invalid_field("sku", "sku must be 1 to 64 letters, digits, '-', '_' or '.'");
  }
  if (!is_valid_slug(product.slug)) {
    throw platform::invalid_field("slug",
                                  "slug must be lower-case letters, digits and single dashes");
  }
  require_length(product.title, "title", 1, 200);
  require_length(product.description, "description", 0, 5000);
  require_length(product.brand, "brand", 1, 100);
  if (product.category_id.empty())
    throw platform::invalid_field("category_id", "category_id is required");
  if (product.price.amount < 0 || product.price.amount > 100'000'000'00) {
    throw platform::invalid_field("price.amount",
                                  "price.amount must be 0 to 10000000000 minor units");
  }
  if (!platform::is_valid_currency(product.price.currency)) {
    throw platform::invalid_field("price.currency",
                                  "price.currency must be an ISO 4217 code such as EUR");
  }
  if (product.attributes.size() > kMaxAttributes) {
    throw platform::invalid_field("attributes", "at most 50 attributes");
  }
  for (const auto& [key, value] : product.attributes) {
    if (key.empty() || characters(key) > 64) {
      throw platform::invalid_field("attributes", "attribute names must have 1 to 64 characters");
    }
    if (characters(value) > 256) {
      throw platform::invalid_field("attributes." + key,
                                    "attribute values must have at most 256 characters");
    }
  }
  if (product.image_ids.size() > kMaxImages) {
    throw platform::invalid_field("image_ids", "at most 20 images");
  }
  if (product.popularity < 0)
    throw platform::invalid_field("popularity", "popularity must be at least 0");
  if (product.weight_grams < 0 || product.weight_grams > kMaxWeightGrams) {
    throw platform::invalid_field("weight_grams", "weight_grams must be 0 to 1000000 grams");
  }
}

void apply_changes(Product& product, const ProductChanges& changes) {
  Product changed = product;
  if (changes.sku) changed.sku = *changes.sku;
  if (changes.title) changed.title = *changes.title;
  if (changes.slug) changed.slug = *changes.slug;
  if (changed.slug.empty()) changed.slug = slugify(changed.title);
  if (changes.description) changed.description = *changes.description;
  if (changes.brand) changed.brand = *changes.brand;
  if (changes.category_id) changed.category_id = *changes.category_id;
  if (changes.price_amount) changed.price.amount = *changes.price_amount;
  if (changes.price_currency) changed.price.currency = *changes.price_currency;
  for (const auto& [key, value] : changes.attributes) {
    if (value) {
      changed.attributes[key] = *value;
    } else {
      changed.attributes.erase(key);
    }
  }
  if (changes.image_ids) changed.image_ids = *changes.image_ids;
  if (changes.status) changed.status = *changes.status;
  if (changes.popularity) changed.popularity = *changes.popularity;
  if (changes.tax_category) changed.tax_category = *changes.tax_category;
  if (changes.weight_grams) changed.weight_grams = *changes.weight_grams;
  validate(changed);
  product = std::move(changed);
}

}  // namespace catalog
