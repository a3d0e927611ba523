#include <boost/json.hpp>

#include "api/query_parameters.h"
#include "api/routes.h"
#include "api/target_customer.h"
#include "platform/http/json_response.h"
#include "representation/customer_json.h"

namespace customers {

using platform::http::Request;

void add_order_routes(platform::http::Router& router, ApiContext context) {
  router.get(
      "/v1/customers/{id}/orders",
      [context](Request& request) {
        const auto customer = target_customer(request);
        platform::http::reject_unknown_parameters(request, {"limit", "cursor"});
        const auto page = or_empty(
            context.store.orders().list(customer.id, page_request(request, ListKind::orders)),
            customer);
        return platform::http::json_response(200, to_json(page));
      },
      customer_route());
}

}  // namespace customers
