#include <boost/json.hpp>

#include "api/profile_input.h"
#include "api/query_parameters.h"
#include "api/routes.h"
#include "api/target_customer.h"
#include "domain/text_rules.h"
#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/json.h"
#include "representation/customer_json.h"

namespace customers {
namespace {

using platform::http::Request;
using platform::http::Response;

CustomerQuery parse_customer_query(const Request& request) {
  platform::http::reject_unknown_parameters(request, {"email", "limit", "cursor"});
  CustomerQuery query;
  if (const auto email = request.query_parameter("email")) {
    if (email->empty() || email->size() > 254) {
      throw platform::invalid_field("email", "email must have 1 to 254 characters");
    }
    query.email = lower_case(*email);
  }
  query.page = page_request(request, ListKind::customers);
  return query;
}

}  // namespace

void add_customer_routes(platform::http::Router& router, ApiContext context) {
  router.get(
      "/v1/customers",
      [context](Request& request) {
        const auto page = context.store.profiles().list(parse_customer_query(request));
        return platform::http::json_response(200, to_json(page));
      },
      platform::http::requires_access(platform::http::Access::role("admin")));

  router.get(
      "/v1/customers/{id}",
      [context](Request& request) {
        const auto customer = target_customer(request);
        return platform::http::json_response(
            200, to_json(context.store.profiles().get(customer.id, customer.if_missing())));
      },
      customer_route());

  router.patch(
      "/v1/customers/{id}",
      [context](Request& request) {
        const auto customer = target_customer(request);
        platform::http::require_content_type(request,
                                             {"application/merge-patch+json", "application/json"});
        const auto changes = parse_profile_patch(platform::json::parse_object(request.body));
        return platform::http::json_response(
            200,
            to_json(context.store.profiles().update(customer.id, changes, customer.if_missing())));
      },
      customer_route());

  router.remove(
      "/v1/customers/{id}",
      [context](Request& request) {
        const auto customer = target_customer(request);
        context.store.profiles().erase(customer.id, customer.if_missing());
        return Response::empty(204);
      },
      customer_route());

  router.get(
      "/v1/customers/{id}/export",
      [context](Request& request) {
        const auto customer = target_customer(request);
        context.store.profiles().get(customer.id, customer.if_missing());
        const auto data = context.store.profiles().export_data(customer.id);
        // Erased between the two reads.
        if (!data) throw_customer_not_found(customer.id);
        auto response = platform::http::json_response(200, to_json(*data));
        response.headers.set("Content-Disposition",
                             "attachment; filename=\"customer-" + customer.id + ".json\"");
        response.headers.set("Cache-Control", "no-store");
        return response;
      },
      customer_route());
}

}  // namespace customers
