#include <boost/json.hpp>

#include "api/product_id.h"
#include "api/query_parameters.h"
#include "api/routes.h"
#include "api/target_customer.h"
#include "platform/http/json_response.h"
#include "platform/json.h"
#include "representation/customer_json.h"

namespace customers {

using platform::http::Request;
using platform::http::Response;

void add_recently_viewed_routes(platform::http::Router& router, ApiContext context) {
  router.get(
      "/v1/customers/{id}/recently-viewed",
      [context](Request& request) {
        const auto customer = target_customer(request);
        platform::http::reject_unknown_parameters(request, {"limit"});
        const auto limit = platform::http::integer_parameter(
                               request, "limit", 1, static_cast<std::int64_t>(kRecentlyViewedKept))
                               .value_or(static_cast<std::int64_t>(kRecentlyViewedShown));
        const auto views =
            context.store.recently_viewed().list(customer.id, static_cast<std::size_t>(limit));
        boost::json::array items;
        for (const auto& view : or_empty(views, customer)) items.push_back(to_json(view));
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      customer_route());

  router.post(
      "/v1/customers/{id}/recently-viewed",
      [context](Request& request) {
        const auto customer = target_customer(request);
        platform::http::require_content_type(request, {"application/json"});
        const auto object = platform::json::parse_object(request.body);
        platform::json::ObjectReader body(object);
        const auto product_id = body.required_string("product_id", {1, 64});
        body.finish();
        check_product_id(product_id);
        context.store.recently_viewed().record(customer.id, product_id, customer.if_missing());
        return Response::empty(204);
      },
      customer_route());
}

}  // namespace customers
