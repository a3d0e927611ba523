#include <boost/json.hpp>

#include "api/address_input.h"
#include "api/routes.h"
#include "api/target_customer.h"
#include "platform/error.h"
#include "platform/http/idempotency.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"
#include "platform/json.h"
#include "representation/customer_json.h"

namespace customers {
namespace {

using platform::http::Request;
using platform::http::Response;

// An address id that cannot be one: answered like any address that is not
// this customer's.
const std::string& address_id_of(const Request& request) {
  const auto& id = request.path_parameter("address_id");
  if (!platform::is_uuid(id)) throw platform::not_found("address-not-found", "no address " + id);
  return id;
}

}  // namespace

void add_address_routes(platform::http::Router& router, ApiContext context) {
  router.get(
      "/v1/customers/{id}/addresses",
      [context](Request& request) {
        const auto customer = target_customer(request);
        boost::json::array items;
        for (const auto& address :
             or_empty(context.store.addresses().list(customer.id), customer)) {
          items.push_back(to_json(address));
        }
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      customer_route());

  router.post("/v1/customers/{id}/addresses",
              platform::http::idempotent(
                  context.database, "customers",
                  [context](Request& request) {
                    const auto customer = target_customer(request);
                    platform::http::require_content_type(request, {"application/json"});
                    const auto changes =
                        parse_address_create(platform::json::parse_object(request.body));
                    const auto address =
                        context.store.addresses().add(customer.id, changes, customer.if_missing());
                    auto response = platform::http::json_response(201, to_json(address));
                    response.headers.set(
                        "Location", "/v1/customers/" + customer.id + "/addresses/" + address.id);
                    return response;
                  }),
              customer_route());

  router.get(
      "/v1/customers/{id}/addresses/{address_id}",
      [context](Request& request) {
        const auto customer = target_customer(request);
        return platform::http::json_response(
            200, to_json(context.store.addresses().get(customer.id, address_id_of(request))));
      },
      customer_route());

  router.patch(
      "/v1/customers/{id}/addresses/{address_id}",
      [context](Request& request) {
        const auto customer = target_customer(request);
        const auto& address_id = address_id_of(request);
        platform::http::require_content_type(request,
                                             {"application/merge-patch+json", "application/json"});
        const auto changes = parse_address_patch(platform::json::parse_object(request.body));
        return platform::http::json_response(
            200, to_json(context.store.addresses().update(customer.id, address_id, changes)));
      },
      customer_route());

  router.remove(
      "/v1/customers/{id}/addresses/{address_id}",
      [context](Request& request) {
        const auto customer = target_customer(request);
        context.store.addresses().remove(customer.id, address_id_of(request));
        return Response::empty(204);
      },
      customer_route());
}

}  // namespace customers
