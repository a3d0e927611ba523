#include "events/catalog_changes.h"

#include "platform/json.h"

namespace recommendations {
namespace {

using platform::json::ObjectReader;

constexpr platform::json::IntegerRule kVersion{.minimum = 0};

void read_stock(ObjectReader& stock, CatalogChange& change) {
  change.in_stock = stock.required_bool("in_stock");
  change.stock_version = stock.required_integer("version", kVersion);
}

}  // namespace

std::optional<CatalogChange> catalog_change_of(const platform::bus::Event& event) {
  const bool upserted = event.subject == "catalog.product.upserted";
  const bool deleted = event.subject == "catalog.product.deleted";
  const bool stock_changed = event.subject == "catalog.stock.changed";
  if (!upserted && !deleted && !stock_changed) return std::nullopt;
  const auto object = platform::json::parse_object(event.data);
  ObjectReader data(object);
  CatalogChange change;
  change.product_id = data.required_string(stock_changed ? "product_id" : "id", {1, 64});
  if (deleted) {
    change.deleted = true;
  } else if (stock_changed) {
    read_stock(data, change);
  } else {
    change.category = data.required_string("category_path", {0, 1000});
    change.on_sale = data.required_string("status", {1, 32}) == "active";
    change.product_version = data.required_integer("version", kVersion);
    auto stock = data.object("stock");
    read_stock(stock, change);
  }
  return change;
}

}  // namespace recommendations
