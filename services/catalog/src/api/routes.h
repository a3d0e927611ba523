#pragma once

#include <functional>

#include "platform/http/router.h"
#include "platform/metrics.h"
#include "platform/response_cache.h"
#include "store/catalog_store.h"

namespace catalog {

// Wraps a handler that creates or changes something so that a retry carrying
// the same Idempotency-Key has no second effect (platform/http/idempotency.h).
using Idempotent = std::function<platform::http::Handler(platform::http::Handler)>;

// Who may change the catalog: admins, or a service granted catalog.write
// (tooling that loads a catalog).
inline platform::http::RouteOptions catalog_writers() {
  return platform::http::requires_access(
      platform::http::Access::role("admin").or_scope("catalog.write"));
}
// Stock figures and reservations: admins, or the services that hold stock
// for orders (scope catalog.reservations).
inline platform::http::RouteOptions stock_keepers() {
  return platform::http::requires_access(
      platform::http::Access::role("admin").or_scope("catalog.reservations"));
}

// Each maps one resource's HTTP routes onto the store; the handlers only
// translate between HTTP/JSON and store calls.
// Product reads are answered from `cache` when it has them, on the I/O thread.
void add_product_routes(platform::http::Router& router, CatalogStore& store,
                        platform::ResponseCache& cache, const Idempotent& idempotent);
void add_import_routes(platform::http::Router& router, CatalogStore& store);
void add_category_routes(platform::http::Router& router, CatalogStore& store,
                         const Idempotent& idempotent);
void add_inventory_routes(platform::http::Router& router, CatalogStore& store,
                          const Idempotent& idempotent);
// Counts outcomes in `outcomes` {outcome="held"|"replayed"|"insufficient_stock"|
// "confirmed"|"released"|"returned"}; the last three count every successful
// call, replays included. The expiry sweeper adds "expired".
void add_reservation_routes(platform::http::Router& router, CatalogStore& store,
                            platform::metrics::Family<platform::metrics::Counter>& outcomes);

}  // namespace catalog
