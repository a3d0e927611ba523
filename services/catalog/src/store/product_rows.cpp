#include "store/product_rows.h"

#include <algorithm>
#include <boost/json.hpp>

#include "platform/error.h"
#include "representation/catalog_json.h"

namespace catalog {

Product read_product(const platform::db::Row& row) {
  Product product;
  product.id = row.get<std::string>(0);
  product.sku = row.get<std::string>(1);
  product.slug = row.get<std::string>(2);
  product.title = row.get<std::string>(3);
  product.description = row.get<std::string>(4);
  product.brand = row.get<std::string>(5);
  product.category_id = row.get<std::string>(6);
  product.category_path = row.get<std::string>(7);
  const auto attributes = boost::json::parse(row.get<std::string>(8));
  for (const auto& [key, value] : attributes.as_object()) {
    product.attributes.emplace(key, value.as_string());
  }
  product.price = Money{row.get<std::int64_t>(9), row.get<std::string>(10)};
  const auto images = boost::json::parse(row.get<std::string>(11));
  for (const auto& image : images.as_array()) product.image_ids.emplace_back(image.as_string());
  const auto status = parse_product_status(row.get<std::string>(12));
  if (!status)
    throw platform::Error(platform::ErrorKind::internal, "bad-row", "unknown product status");
  product.status = *status;
  product.popularity = row.get<std::int64_t>(13);
  const auto tax_category = parse_tax_category(row.get<std::string>(14));
  if (!tax_category)
    throw platform::Error(platform::ErrorKind::internal, "bad-row", "unknown tax category");
  product.tax_category = *tax_category;
  product.weight_grams = row.get<std::int64_t>(15);
  product.version = row.get<std::int64_t>(16);
  product.created_at = row.get<std::int64_t>(17);
  product.updated_at = row.get<std::int64_t>(18);
  product.stock = read_stock(row, 19);
  return product;
}

Stock read_stock(const platform::db::Row& row, std::size_t first) {
  return Stock{row.get<std::int64_t>(first), row.get<std::int64_t>(first + 1),
               row.get<std::int64_t>(first + 2)};
}

std::string attributes_text(const Product& product) {
  return boost::json::serialize(attributes_json(product));
}

std::string image_ids_text(const Product& product) {
  return boost::json::serialize(image_ids_json(product));
}

namespace {

struct SortColumns {
  const char* key;
  bool descending;
  bool text_key;
};

SortColumns columns_of(ProductSort sort) {
  switch (sort) {
    case ProductSort::newest:
      return {"p.created_at", true, false};
    case ProductSort::price_ascending:
      return {"p.price_amount", false, false};
    case ProductSort::price_descending:
      return {"p.price_amount", true, false};
    case ProductSort::title:
      return {"p.title", false, true};
    case ProductSort::popularity:
      return {"p.popularity", true, false};
  }
  return {"p.created_at", true, false};
}

class StatementBuilder {
 public:
  std::string placeholder(platform::db::Value value) {
    statement_.parameters.push_back(std::move(value));
    return "$" + std::to_string(statement_.parameters.size());
  }
  void where(const std::string& condition) {
    statement_.sql += clauses_++ == 0 ? " WHERE " : " AND ";
    statement_.sql += condition;
  }
  Statement& statement() { return statement_; }

 private:
  Statement statement_;
  int clauses_ = 0;
};

// The ids padded to the next of a few fixed lengths (1, 2, 4, ... 64, then
// kMaxProductIds) by repeating the last one, which IN ignores: each length is
// another statement in every connection's prepared-statement cache, and a
// cart asking for its 1 to 100 products should make 8 of them, not 100.
std::string id_placeholders(StatementBuilder& builder, const std::vector<std::string>& ids) {
  std::size_t length = 1;
  while (length < ids.size()) length *= 2;
  length = std::max(ids.size(), std::min(length, kMaxProductIds));
  std::string placeholders;
  for (std::size_t i = 0; i < length; ++i) {
    placeholders += i == 0 ? "" : ", ";
    placeholders += builder.placeholder(ids[std::min(i, ids.size() - 1)]);
  }
  return placeholders;
}

}  // namespace

Statement build_list_statement(const ProductQuery& query) {
  StatementBuilder builder;
  builder.statement().sql = std::string(kProductSelect);

  if (!query.ids.empty()) builder.where("p.id IN (" + id_placeholders(builder, query.ids) + ")");
  std::string statuses;
  for (auto status : query.statuses) {
    statuses += statuses.empty() ? "" : ", ";
    statuses += builder.placeholder(std::string(to_string(status)));
  }
  builder.where("p.status IN (" + statuses + ")");
  if (query.category_path) {
    const auto exact = builder.placeholder(*query.category_path);
    const auto below = builder.placeholder(*query.category_path + "/%");
    builder.where("(p.category_path = " + exact + " OR p.category_path LIKE " + below + ")");
  }
  if (!query.brands.empty()) {
    std::string brands;
    for (const auto& brand : query.brands) {
      brands += brands.empty() ? "" : ", ";
      brands += builder.placeholder(brand);
    }
    builder.where("p.brand IN (" + brands + ")");
  }
  if (query.min_price) builder.where("p.price_amount >= " + builder.placeholder(*query.min_price));
  if (query.max_price) builder.where("p.price_amount <= " + builder.placeholder(*query.max_price));
  if (query.in_stock_only) builder.where("i.on_hand - i.reserved > 0");

  const auto sort = columns_of(query.sort);
  if (query.after) {
    if (query.after->sort != query.sort) {
      throw platform::invalid_field("cursor", "cursor belongs to another sort order");
    }
    const auto key = sort.text_key ? builder.placeholder(query.after->text_key)
                                   : builder.placeholder(query.after->number_key);
    const auto id = builder.placeholder(query.after->id);
    builder.where("(" + std::string(sort.key) + ", p.id) " + (sort.descending ? "<" : ">") + " (" +
                  key + ", " + id + ")");
  }
  const char* direction = sort.descending ? " DESC" : " ASC";
  builder.statement().sql +=
      " ORDER BY " + std::string(sort.key) + direction + ", p.id" + direction;
  builder.statement().sql +=
      " LIMIT " + builder.placeholder(static_cast<std::int64_t>(query.limit + 1));
  return std::move(builder.statement());
}

}  // namespace catalog
