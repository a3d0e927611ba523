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
// "confirmed"|"released"}.
void add_reservation_routes(platform::http::Router& router, CatalogStore& store,
                            platform::metrics::Family<platform::metrics::Counter>& outcomes);

}  // namespace catalog
