#include "api/held_order.h"
#include "api/order_input.h"
#include "api/routes.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/http/idempotency.h"
#include "platform/http/json_response.h"
#include "representation/order_json.h"

namespace orders {

namespace {

using platform::http::Access;
using platform::http::Request;
using platform::http::Response;

Response order_response(const Order& order) {
  return platform::http::json_response(200, to_json(order));
}

// What a participant's answer means to an admin waiting on it.
void require_done(const StepResult& result, std::string_view refused_code) {
  if (result.outcome == StepOutcome::succeeded) return;
  if (result.outcome == StepOutcome::refused) {
    throw platform::unprocessable(std::string(refused_code), result.reason);
  }
  throw platform::unavailable(
      "payments-unavailable",
      "the payment service did not answer (" + result.reason + "); nothing changed, retry");
}

StepResult call(const std::function<StepResult()>& operation) {
  try {
    return operation();
  } catch (const platform::Error& error) {
    if (error.kind() != platform::ErrorKind::unavailable) throw;
    return {StepOutcome::failed, {}, error.what()};
  }
}

}  // namespace

void add_fulfilment_routes(platform::http::Router& router, ApiContext context) {
  const auto admins = platform::http::requires_access(Access::role("admin"));
  const auto lease = context.runner.settings().lease.count();

  // Handing the parcel to a carrier captures the payment. Shipping again
  // with the same carrier and tracking number answers the shipped order.
  router.post(
      "/v1/orders/{id}/ship",
      [context, lease](Request& request) {
        const auto input = read_shipment(request);
        HeldOrder held(context.store, request.path_parameter("id"), lease);
        const auto& order = held.order();
        if (order.status != OrderStatus::paid && order.carrier == input.carrier &&
            order.tracking_number == input.tracking_number) {
          return order_response(order);
        }
        if (order.status != OrderStatus::paid) {
          throw platform::conflict(
              "illegal-transition",
              "an order that is " + std::string(to_string(order.status)) + " cannot be shipped");
        }
        require_done(call([&] { return context.participants.capture_payment(order); }),
                     "capture-declined");
        return order_response(context.store.record_shipment(
            held.claimed(), input.carrier, input.tracking_number, platform::now_unix_millis()));
      },
      admins);

  router.post(
      "/v1/orders/{id}/deliver",
      [context](Request& request) {
        const auto& id = request.path_parameter("id");
        const auto order = context.store.find(id);
        if (!order) throw platform::not_found("order-not-found", "no order " + id);
        if (order->status == OrderStatus::delivered) return order_response(*order);
        return order_response(context.store.record_delivery(id, platform::now_unix_millis()));
      },
      admins);

  // Money back on a shipped order, in part or whole, once per Idempotency-Key.
  router.post(
      "/v1/orders/{id}/refunds",
      [context, lease](Request& request) {
        const auto key = platform::http::keyed_request(request);
        const auto input = read_refund(request);
        if (auto earlier = context.store.recorded_refund(key)) {
          auto response = order_response(*earlier);
          response.headers.set("Idempotent-Replayed", "true");
          return response;
        }
        HeldOrder held(context.store, request.path_parameter("id"), lease);
        const auto& order = held.order();
        if (input.amount && input.amount->currency != order.draft.currency) {
          throw platform::unprocessable(
              "currency-mismatch", "the order is in " + order.draft.currency, "amount.currency");
        }
        const auto amount =
            input.amount ? input.amount->amount : order.draft.totals.total - order.refunded;
        check_refund(order, amount);
        require_done(call([&] {
                       return context.participants.refund_payment(order, amount, key.key,
                                                                  input.reason);
                     }),
                     "refund-refused");
        return order_response(context.store.record_refund(held.claimed(), key, amount, input.reason,
                                                          platform::now_unix_millis()));
      },
      admins);
}

}  // namespace orders
