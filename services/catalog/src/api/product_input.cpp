#include "api/product_input.h"

#include <algorithm>
#include <cctype>

#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"
#include "platform/json.h"

namespace catalog {
namespace {

using platform::json::ObjectReader;

constexpr platform::json::StringRule kTitle{1, 200};
constexpr platform::json::StringRule kBrand{1, 100};
constexpr platform::json::StringRule kDescription{0, 5000};
constexpr platform::json::StringRule kShort{1, 120};

ProductStatus read_status(const std::string& text) {
  auto status = parse_product_status(text);
  if (!status) throw platform::invalid_field("status", "status must be draft, active or archived");
  return *status;
}

TaxCategory read_tax_category(const std::string& text) {
  auto category = parse_tax_category(text);
  if (!category) {
    throw platform::invalid_field("tax_category", "tax_category must be standard, reduced or zero");
  }
  return *category;
}

void read_category(ObjectReader& body, ProductChanges& changes) {
  auto by_id = body.optional_string("category_id", kShort);
  auto by_any = body.optional_string("category", kShort);
  if (by_id && by_any) {
    throw platform::invalid_field("category", "give category or category_id, not both");
  }
  if (by_id) changes.category_id = std::move(by_id);
  if (by_any) changes.category_id = std::move(by_any);
}

void read_attributes(ObjectReader& body, ProductChanges& changes) {
  const auto* attributes = body.raw("attributes");
  if (attributes == nullptr || attributes->is_null()) return;
  if (!attributes->is_object())
    throw platform::invalid_field("attributes", "attributes must be an object");
  for (const auto& [key, value] : attributes->get_object()) {
    const std::string name(key);
    if (value.is_null()) {
      changes.attributes[name] = std::nullopt;
    } else if (value.is_string()) {
      changes.attributes[name] = std::string(value.get_string());
    } else {
      throw platform::invalid_field("attributes." + name,
                                    "attributes." + name + " must be a string");
    }
  }
}

void read_optional_fields(ObjectReader& body, ProductChanges& changes) {
  if (auto slug = body.optional_string("slug", kShort)) changes.slug = std::move(slug);
  if (auto description = body.optional_string("description", kDescription)) {
    changes.description = std::move(description);
  }
  read_attributes(body, changes);
  if (body.contains("image_ids")) {
    changes.image_ids = body.string_array("image_ids", kShort, 20);
  }
  if (auto status = body.optional_string("status", kShort)) changes.status = read_status(*status);
  if (auto popularity = body.optional_integer("popularity", {.minimum = 0})) {
    changes.popularity = popularity;
  }
  if (auto tax_category = body.optional_string("tax_category", kShort)) {
    changes.tax_category = read_tax_category(*tax_category);
  }
  changes.weight_grams =
      body.optional_integer("weight_grams", {.minimum = 0, .maximum = kMaxWeightGrams});
}

void read_price(ObjectReader& price, ProductChanges& changes, bool required) {
  if (required) {
    changes.price_amount = price.required_integer("amount", {.minimum = 0});
    changes.price_currency = price.required_string("currency", {3, 3});
  } else {
    changes.price_amount = price.optional_integer("amount", {.minimum = 0});
    changes.price_currency = price.optional_string("currency", {3, 3});
  }
  price.finish();
}

// Removing a required field through a merge patch is not allowed.
void reject_nulls(const ObjectReader& body) {
  for (const char* field : {"sku", "title", "brand", "category", "category_id", "price", "status",
                            "slug", "description", "popularity", "tax_category", "weight_grams"}) {
    if (body.is_null(field)) {
      throw platform::invalid_field(field, std::string(field) + " cannot be removed");
    }
  }
}

[[noreturn]] void bad_ids(const std::string& detail) {
  throw platform::invalid_field("ids",
                                "ids must be 1 to 100 comma-separated product ids; " + detail);
}

// `ids=a,b,c`, possibly repeated (`ids=a&ids=b,c`): the products a caller such
// as the cart already knows. Ids are UUIDs, so anything else cannot match and
// is a client's mistake worth telling; duplicates are dropped.
std::vector<std::string> read_ids(const platform::http::Request& request) {
  std::vector<std::string> ids;
  std::size_t given = 0;
  for (const auto& [name, value] : request.query) {
    if (name != "ids") continue;
    std::string_view rest = value;
    while (true) {
      const auto comma = rest.find(',');
      const auto id = rest.substr(0, comma);
      if (++given > kMaxProductIds) bad_ids("found more than 100");
      if (!platform::is_uuid(id)) bad_ids("item " + std::to_string(given) + " is not one");
      std::string lower(id);
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (std::find(ids.begin(), ids.end(), lower) == ids.end()) ids.push_back(std::move(lower));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return ids;
}

}  // namespace

ProductInput parse_product_create(const boost::json::object& object) {
  ObjectReader body(object);
  ProductInput input;
  auto& changes = input.changes;
  changes.sku = body.required_string("sku", {1, 64});
  changes.title = body.required_string("title", kTitle);
  changes.brand = body.required_string("brand", kBrand);
  read_category(body, changes);
  if (!changes.category_id) throw platform::invalid_field("category", "category is required");
  auto price = body.object("price");
  read_price(price, changes, true);
  read_optional_fields(body, changes);
  if (auto stock = body.optional_object("stock")) {
    input.stock = stock->required_integer("on_hand", {.minimum = 0, .maximum = 1'000'000'000});
    stock->finish();
  }
  body.finish();
  return input;
}

ProductChanges parse_product_patch(const boost::json::object& object) {
  ObjectReader body(object);
  reject_nulls(body);
  ProductChanges changes;
  changes.sku = body.optional_string("sku", {1, 64});
  changes.title = body.optional_string("title", kTitle);
  changes.brand = body.optional_string("brand", kBrand);
  read_category(body, changes);
  if (auto price = body.optional_object("price")) read_price(*price, changes, false);
  read_optional_fields(body, changes);
  // Read-only members may be echoed back from a GET; they must not change.
  for (const char* read_only :
       {"id", "stock", "version", "created_at", "updated_at", "category_path"}) {
    if (body.contains(read_only)) {
      throw platform::invalid_field(read_only, std::string(read_only) + " is read-only");
    }
  }
  body.finish();
  return changes;
}

ProductQuery parse_product_query(const platform::http::Request& request) {
  ProductQuery query;
  platform::http::reject_unknown_parameters(
      request, {"ids", "category", "brand", "min_price", "max_price", "in_stock", "status", "sort",
                "limit", "cursor"});
  query.ids = read_ids(request);
  for (const auto& [name, value] : request.query) {
    if (name == "brand" && !value.empty()) {
      if (query.brands.size() >= 20) throw platform::invalid_field("brand", "at most 20 brands");
      query.brands.push_back(value);
    }
  }
  if (auto category = request.query_parameter("category"); category && !category->empty()) {
    query.category_path = std::string(*category);
  }
  query.min_price = platform::http::integer_parameter(request, "min_price", 0, INT64_MAX / 2);
  query.max_price = platform::http::integer_parameter(request, "max_price", 0, INT64_MAX / 2);
  query.in_stock_only = platform::http::bool_parameter(request, "in_stock").value_or(false);
  if (auto sort = request.query_parameter("sort")) {
    auto parsed = parse_product_sort(*sort);
    if (!parsed) {
      throw platform::invalid_field(
          "sort", "sort must be newest, price_asc, price_desc, title or popularity");
    }
    query.sort = *parsed;
  }
  if (auto status = request.query_parameter("status")) {
    if (*status == "any") {
      query.statuses = {ProductStatus::draft, ProductStatus::active, ProductStatus::archived};
    } else {
      auto parsed = parse_product_status(*status);
      if (!parsed)
        throw platform::invalid_field("status", "status must be draft, active, archived or any");
      query.statuses = {*parsed};
    }
  }
  // Named products come on one page unless the caller asks for smaller ones.
  const auto default_limit = query.ids.empty() ? 20 : static_cast<std::int64_t>(query.ids.size());
  query.limit = static_cast<int>(
      platform::http::integer_parameter(request, "limit", 1, 100).value_or(default_limit));
  if (auto cursor = request.query_parameter("cursor")) query.after = decode_cursor(*cursor);
  return query;
}

}  // namespace catalog
