#pragma once

#include "platform/http/router.h"
#include "store/catalog_store.h"

namespace catalog {

// Each maps one resource's HTTP routes onto the store; the handlers only
// translate between HTTP/JSON and store calls.
void add_product_routes(platform::http::Router& router, CatalogStore& store);
void add_import_routes(platform::http::Router& router, CatalogStore& store);
void add_category_routes(platform::http::Router& router, CatalogStore& store);
void add_inventory_routes(platform::http::Router& router, CatalogStore& store);
void add_reservation_routes(platform::http::Router& router, CatalogStore& store);

}  // namespace catalog
