#include <boost/json.hpp>
#include <chrono>

#include "api/routes.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/http/authorization.h"
#include "platform/http/idempotency.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"
#include "platform/json.h"
#include "representation/payment_json.h"

namespace payments {

namespace {

using platform::http::Request;

// Reads a card as a customer types it; the number and security code are
// checked and dropped, never stored.
PaymentMethod read_card(const Request& request) {
  platform::http::require_content_type(request, {"application/json"});
  const auto object = platform::json::parse_object(request.body);
  platform::json::ObjectReader body(object);
  const auto typed = body.required_string("number", {1, 40});
  const auto month = body.required_integer("expiry_month", {.minimum = 1, .maximum = 12});
  const auto year = body.required_integer("expiry_year", {.minimum = 2000, .maximum = 2100});
  const auto cvc = body.required_string("cvc", {3, 4});
  const auto holder = body.required_string("holder", {1, 100});
  body.finish();

  const auto digits = card_digits(typed);
  if (!digits) throw platform::invalid_field("number", "number must be 12 to 19 digits");
  if (!passes_luhn(*digits)) {
    throw platform::invalid_field("number", "number is not a valid card number (check digit)");
  }
  const auto brand = brand_of(*digits);
  if (brand == CardBrand::unknown) {
    throw platform::unprocessable(
        "card-brand-not-accepted",
        "only Visa, Mastercard, American Express and Discover are accepted", "number");
  }
  const std::size_t cvc_length = brand == CardBrand::amex ? 4 : 3;
  if (cvc.size() != cvc_length ||
      !std::all_of(cvc.begin(), cvc.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw platform::invalid_field("cvc", "cvc must be " + std::to_string(cvc_length) + " digits");
  }
  const Expiry expiry{static_cast<int>(month), static_cast<int>(year)};
  if (has_expired(expiry, std::chrono::system_clock::now())) {
    throw platform::unprocessable("card-expired", "the card has expired", "expiry_year");
  }

  PaymentMethod method;
  method.id = platform::new_uuid_v7();
  method.owner = platform::http::caller_of(request).subject;
  method.brand = brand;
  method.last4 = digits->substr(digits->size() - 4);
  method.expiry = expiry;
  method.holder = holder;
  method.behaviour = behaviour_of(*digits);
  method.created_at = platform::now_unix_millis();
  return method;
}

}  // namespace

void add_payment_method_routes(platform::http::Router& router, ApiContext context) {
  router.post("/v1/payment-methods",
              platform::http::idempotent(
                  context.database, "payments",
                  [context](Request& request) {
                    const auto method = read_card(request);
                    context.store.save_method(method);
                    auto response = platform::http::json_response(201, to_json(method));
                    response.headers.set("Location", "/v1/payment-methods/" + method.id);
                    return response;
                  }),
              platform::http::requires_access(platform::http::Access::user()));

  router.get(
      "/v1/payment-methods",
      [context](Request& request) {
        platform::http::reject_unknown_parameters(request, {});
        boost::json::array items;
        for (const auto& method :
             context.store.methods_of(platform::http::caller_of(request).subject)) {
          items.push_back(to_json(method));
        }
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      platform::http::requires_access(platform::http::Access::user()));

  router.get(
      "/v1/payment-methods/{id}",
      [context](Request& request) {
        const auto& id = request.path_parameter("id");
        const auto method = context.store.find_method(id);
        // Someone else's card is as absent as a card that does not exist.
        const auto& caller = platform::http::caller_of(request);
        const bool visible = method && (caller.has_scope(kChargeScope) || caller.is_admin() ||
                                        (!caller.is_service() && caller.subject == method->owner));
        if (!visible)
          throw platform::not_found("payment-method-not-found", "no payment method " + id);
        return platform::http::json_response(200, to_json(*method));
      },
      platform::http::requires_access(platform::http::Access::signed_in()));
}

}  // namespace payments
