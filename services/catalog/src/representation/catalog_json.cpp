#include "representation/catalog_json.h"

#include <boost/json/array.hpp>

#include "platform/clock.h"

namespace catalog {
namespace {

std::string time_text(std::int64_t millis) {
  return platform::format_rfc3339(platform::from_unix_millis(millis));
}

}  // namespace

boost::json::object stock_json(const std::string& product_id, const Stock& stock) {
  boost::json::object object;
  object["product_id"] = product_id;
  object["on_hand"] = stock.on_hand;
  object["reserved"] = stock.reserved;
  object["available"] = stock.available();
  object["in_stock"] = stock.available() > 0;
  object["version"] = stock.version;
  return object;
}

boost::json::object attributes_json(const Product& product) {
  boost::json::object attributes;
  for (const auto& [key, value] : product.attributes) attributes[key] = value;
  return attributes;
}

boost::json::array image_ids_json(const Product& product) {
  boost::json::array images;
  for (const auto& image : product.image_ids) images.emplace_back(image);
  return images;
}

boost::json::object to_json(const Product& product) {
  boost::json::object object;
  object["id"] = product.id;
  object["sku"] = product.sku;
  object["slug"] = product.slug;
  object["title"] = product.title;
  object["description"] = product.description;
  object["brand"] = product.brand;
  object["category_id"] = product.category_id;
  object["category_path"] = product.category_path;
  object["attributes"] = attributes_json(product);
  object["price"] = {{"amount", product.price.amount}, {"currency", product.price.currency}};
  object["image_ids"] = image_ids_json(product);
  object["status"] = to_string(product.status);
  object["popularity"] = product.popularity;
  object["tax_category"] = to_string(product.tax_category);
  object["weight_grams"] = product.weight_grams;
  auto stock = stock_json(product.id, product.stock);
  stock.erase("product_id");
  object["stock"] = std::move(stock);
  object["version"] = product.version;
  object["created_at"] = time_text(product.created_at);
  object["updated_at"] = time_text(product.updated_at);
  return object;
}

boost::json::object to_json(const Category& category) {
  boost::json::object object;
  object["id"] = category.id;
  object["slug"] = category.slug;
  object["name"] = category.name;
  object["parent_id"] = category.parent_id ? boost::json::value(*category.parent_id) : nullptr;
  object["path"] = category.path;
  object["position"] = category.position;
  return object;
}

boost::json::object to_json(const Reservation& reservation) {
  boost::json::object object;
  object["id"] = reservation.id;
  object["order_id"] = reservation.order_id;
  object["status"] = to_string(reservation.status);
  boost::json::array lines;
  for (const auto& line : reservation.lines) {
    lines.push_back({{"product_id", line.product_id}, {"quantity", line.quantity}});
  }
  object["lines"] = std::move(lines);
  object["expires_at"] = time_text(reservation.expires_at);
  object["created_at"] = time_text(reservation.created_at);
  object["updated_at"] = time_text(reservation.updated_at);
  object["returned_at"] =
      reservation.returned_at ? boost::json::value(time_text(*reservation.returned_at)) : nullptr;
  return object;
}

}  // namespace catalog
