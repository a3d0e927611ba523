#pragma once

#include "platform/db/database.h"
#include "platform/http/router.h"
#include "store/customers_store.h"

namespace customers {

// What the route groups share; handlers keep a copy (it only refers).
struct ApiContext {
  platform::db::Database& database;  // for the Idempotency-Key records
  CustomersStore& store;
};

// Each maps one resource's HTTP routes onto the store; the handlers only
// translate between HTTP/JSON and store calls. Every route takes a user's
// token: the customer's own, or an admin's.
// /v1/customers (admin), /v1/customers/{id} and /v1/customers/{id}/export
void add_customer_routes(platform::http::Router& router, ApiContext context);
// /v1/customers/{id}/addresses[/{address_id}]
void add_address_routes(platform::http::Router& router, ApiContext context);
// /v1/customers/{id}/wishlist[/{product_id}]
void add_wishlist_routes(platform::http::Router& router, ApiContext context);
// /v1/customers/{id}/recently-viewed
void add_recently_viewed_routes(platform::http::Router& router, ApiContext context);
// /v1/customers/{id}/orders
void add_order_routes(platform::http::Router& router, ApiContext context);

}  // namespace customers
