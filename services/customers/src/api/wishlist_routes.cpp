#include <boost/json.hpp>

#include "api/product_id.h"
#include "api/routes.h"
#include "api/target_customer.h"
#include "platform/http/json_response.h"
#include "representation/customer_json.h"

namespace customers {

using platform::http::Request;
using platform::http::Response;

void add_wishlist_routes(platform::http::Router& router, ApiContext context) {
  router.get(
      "/v1/customers/{id}/wishlist",
      [context](Request& request) {
        const auto customer = target_customer(request);
        boost::json::array items;
        for (const auto& item : or_empty(context.store.wishlist().list(customer.id), customer)) {
          items.push_back(to_json(item));
        }
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      customer_route());

  // PUT: adding what is there already changes nothing, so a retry is safe.
  router.put(
      "/v1/customers/{id}/wishlist/{product_id}",
      [context](Request& request) {
        const auto customer = target_customer(request);
        const auto [item, added] = context.store.wishlist().add(customer.id, product_id_of(request),
                                                                customer.if_missing());
        return platform::http::json_response(added ? 201 : 200, to_json(item));
      },
      customer_route());

  router.remove(
      "/v1/customers/{id}/wishlist/{product_id}",
      [context](Request& request) {
        const auto customer = target_customer(request);
        context.store.wishlist().remove(customer.id, product_id_of(request));
        return Response::empty(204);
      },
      customer_route());
}

}  // namespace customers
