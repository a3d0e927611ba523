#pragma once

#include <boost/json/object.hpp>
#include <optional>

#include "domain/product.h"
#include "domain/product_query.h"
#include "platform/http/message.h"

namespace catalog {

struct ProductInput {
  ProductChanges changes;
  std::optional<std::int64_t> stock;  // initial on hand
};

// POST /v1/products and each line of an import. Required: sku, title, brand,
// category (id or slug), price {amount, currency}.
ProductInput parse_product_create(const boost::json::object& body);
// PATCH /v1/products/{id}: RFC 7396 JSON merge patch of the product document.
ProductChanges parse_product_patch(const boost::json::object& body);
// GET /v1/products query parameters. Admins may list other statuses. `ids`
// (1 to 100 UUIDs, comma-separated) narrows the listing to those products and
// makes the default page hold them all.
ProductQuery parse_product_query(const platform::http::Request& request);

}  // namespace catalog
