#include <boost/json.hpp>

#include "api/cart_input.h"
#include "api/routes.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/http/authorization.h"
#include "platform/http/idempotency.h"
#include "platform/http/json_response.h"
#include "platform/http/problem.h"
#include "representation/cart_json.h"

namespace cart {

namespace {

using platform::http::Access;
using platform::http::Request;
using platform::http::Response;

// An order that ended without being placed (stock or payment refused) is
// the checkout's failure: a problem naming the order and why, so the shopper
// can correct the cart or the card and check out again with a new key.
Response failed_checkout(const boost::json::object& order) {
  const auto* reason = order.if_contains("cancel_reason");
  const std::string why = reason && reason->is_string() ? std::string(reason->get_string())
                                                        : std::string("the order was cancelled");
  auto response = platform::http::problem(409, "order-not-placed", "", why);
  auto body = boost::json::parse(response.body).as_object();
  body["order_id"] = order.at("id");
  response.body = boost::json::serialize(body);
  return response;
}

Response checkout_response(const CheckoutResult& result) {
  auto response = order_failed(result.order) ? failed_checkout(result.order)
                  // Still waiting on a service: the order is placed, its
                  // outcome comes later (poll the order).
                  : order_processing(result.order)
                      ? platform::http::json_response(202, result.order)
                      : platform::http::json_response(result.replayed ? 200 : 201, result.order);
  if (result.replayed) response.headers.set("Idempotent-Replayed", "true");
  return response;
}

}  // namespace

void add_checkout_routes(platform::http::Router& router, ApiContext context) {
  router.post(
      "/v1/cart/quote",
      [context](Request& request) mutable {
        const auto owner = cart_owner_of(request);
        const auto input = read_quote_input(request);
        const auto priced = context.pricing.quote(owner, input, platform::now_unix_millis());
        return platform::http::json_response(200, to_json(priced.quote));
      },
      platform::http::requires_access(Access::guest_or_user()));

  // Customers check out (orders belong to accounts); a guest signs in first
  // and merges their cart.
  router.post(
      "/v1/checkout",
      [context](Request& request) mutable {
        const auto keyed = platform::http::keyed_request(request);
        const auto input = read_checkout_input(request);
        return checkout_response(context.checkout.run(keyed.requester, keyed, input));
      },
      platform::http::requires_access(Access::user()));

  router.get(
      "/v1/coupons",
      [context](Request&) mutable {
        boost::json::array items;
        for (const auto& coupon : context.coupons.all()) {
          items.push_back(to_json(coupon, context.usage.times_used(coupon.code)));
        }
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      platform::http::requires_access(Access::role("admin")));
}

}  // namespace cart
