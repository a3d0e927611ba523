#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "domain/indexed_product.h"

namespace search {

// Reading the catalog's documents (its openapi.yaml: Product, Stock), as
// its events and its product list carry them. Members the index does not
// use are ignored, so the catalog may add some. Throws
// platform::Error(invalid_argument) naming the member that is missing or
// wrong.
IndexedProduct product_from_catalog(const boost::json::object& product);

struct StockFigure {
  std::string product_id;
  StockLevel stock;
};
StockFigure stock_from_catalog(const boost::json::object& stock);

// The id of a deleted product (catalog.product.deleted).
std::string deleted_product_id(const boost::json::object& data);

}  // namespace search
