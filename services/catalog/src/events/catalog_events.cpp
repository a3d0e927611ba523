#include "events/catalog_events.h"

#include <boost/json/serialize.hpp>

#include "representation/catalog_json.h"

namespace catalog {

platform::bus::Event product_upserted(const Product& product) {
  return platform::bus::make_event("catalog.product.upserted",
                                   boost::json::serialize(to_json(product)));
}

platform::bus::Event product_deleted(const Product& product) {
  boost::json::object data{{"id", product.id}, {"sku", product.sku}};
  return platform::bus::make_event("catalog.product.deleted", boost::json::serialize(data));
}

platform::bus::Event stock_changed(const std::string& product_id, const Stock& stock) {
  return platform::bus::make_event("catalog.stock.changed",
                                   boost::json::serialize(stock_json(product_id, stock)));
}

}  // namespace catalog
