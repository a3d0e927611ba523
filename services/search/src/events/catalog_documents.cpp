#include "events/catalog_documents.h"

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/json.h"

namespace search {
namespace {

using platform::json::ObjectReader;

constexpr platform::json::StringRule kText{0, 100'000};

std::string product_id(ObjectReader& reader, std::string_view key) {
  auto id = reader.required_string(key, {36, 36});
  if (!platform::is_uuid(id)) {
    throw platform::invalid_field(reader.field_path(key),
                                  reader.field_path(key) + " must be a UUID");
  }
  return id;
}

StockLevel stock_level(ObjectReader& stock) {
  return {stock.required_integer("available"), stock.required_integer("version", {.minimum = 0})};
}

}  // namespace

IndexedProduct product_from_catalog(const boost::json::object& object) {
  ObjectReader reader(object);
  IndexedProduct product;
  product.id = product_id(reader, "id");
  product.sku = reader.required_string("sku", kText);
  product.slug = reader.required_string("slug", kText);
  product.title = reader.required_string("title", kText);
  product.description = reader.optional_string("description", kText).value_or("");
  product.brand = reader.optional_string("brand", kText).value_or("");
  product.category_path = reader.required_string("category_path", kText);
  if (const auto* attributes = reader.raw("attributes"); attributes && attributes->is_object()) {
    for (const auto& [key, value] : attributes->as_object()) {
      if (value.is_string()) product.attributes.emplace_back(key, value.as_string());
    }
  }
  product.price = platform::read_money(reader, "price", {.minimum = 0});
  product.image_ids = reader.string_array("image_ids", kText, 1000);
  product.status = reader.required_string("status", {1, 32});
  if (product.status != "active" && product.status != "draft" && product.status != "archived") {
    throw platform::invalid_field("status", "status must be draft, active or archived");
  }
  product.popularity = reader.optional_integer("popularity").value_or(0);
  const auto created_at = platform::parse_rfc3339(reader.required_string("created_at", {1, 64}));
  if (!created_at) throw platform::invalid_field("created_at", "created_at must be RFC 3339");
  product.created_at = platform::to_unix_millis(*created_at);
  product.version = reader.required_integer("version", {.minimum = 1});
  auto stock = reader.object("stock");
  product.stock = stock_level(stock);
  return product;
}

StockFigure stock_from_catalog(const boost::json::object& object) {
  ObjectReader reader(object);
  StockFigure figure;
  figure.product_id = product_id(reader, "product_id");
  figure.stock = stock_level(reader);
  return figure;
}

std::string deleted_product_id(const boost::json::object& data) {
  ObjectReader reader(data);
  return product_id(reader, "id");
}

}  // namespace search
