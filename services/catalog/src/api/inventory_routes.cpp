#include <boost/json.hpp>

#include "api/routes.h"
#include "platform/http/json_response.h"
#include "platform/json.h"
#include "representation/catalog_json.h"

namespace catalog {

void add_inventory_routes(platform::http::Router& router, CatalogStore& store,
                          const Idempotent& idempotent) {
  router.get("/v1/products/{id}/inventory", [&store](platform::http::Request& request) {
    const auto& id = request.path_parameter("id");
    return platform::http::json_response(200, stock_json(id, store.stock(id)));
  }, stock_keepers());

  // Relative adjustments (received 20, found 2 broken) stay correct when two
  // people adjust at once; an absolute "set to N" would lose one of them.
  router.post(
      "/v1/products/{id}/inventory/adjustments",
      idempotent([&store](platform::http::Request& request) {
        platform::http::require_content_type(request, {"application/json"});
        const auto& id = request.path_parameter("id");
        const auto object = platform::json::parse_object(request.body);
        platform::json::ObjectReader body(object);
        const auto delta =
            body.required_integer("delta", {.minimum = -1'000'000'000, .maximum = 1'000'000'000});
        body.optional_string("reason", {0, 200});
        body.finish();
        return platform::http::json_response(200, stock_json(id, store.adjust_stock(id, delta)));
      }),
      catalog_writers());
}

}  // namespace catalog
