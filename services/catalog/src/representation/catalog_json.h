#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "domain/category.h"
#include "domain/product.h"
#include "domain/reservation.h"

namespace catalog {

// The one JSON shape of each resource, shared by the API responses and the
// event payloads so that consumers see exactly what clients see.
boost::json::object to_json(const Product& product);
boost::json::object to_json(const Category& category);
boost::json::object to_json(const Reservation& reservation);
boost::json::object stock_json(const std::string& product_id, const Stock& stock);
// Parts of the product document the store also keeps as JSON text.
boost::json::object attributes_json(const Product& product);
boost::json::array image_ids_json(const Product& product);

}  // namespace catalog
