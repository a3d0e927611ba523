#include "api/held_order.h"
#include "api/order_input.h"
#include "api/routes.h"
#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/http/idempotency.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"
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

// Shipping and refunds act on a paid order whose saga is over: not one whose
// cancellation is still giving things back.
void require_settled(const Order& order) {
  if (is_finished(order.saga.step)) return;
  const bool cancelling = is_compensating(order.saga.step);
  throw platform::conflict(
      cancelling ? "order-being-cancelled" : "order-being-placed",
      cancelling ? "the order is being cancelled" : "the order is still being placed");
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
        const auto& id = request.path_parameter("id");
        const auto shipped = [&](const Order& order) {
          return order.status != OrderStatus::paid && !order.carrier.empty() &&
                 order.carrier == input.carrier && order.tracking_number == input.tracking_number;
        };
        const auto current = context.store.find(id);
        if (!current) throw platform::not_found("order-not-found", "no order " + id);
        if (shipped(*current)) return order_response(*current);
        require_settled(*current);  // said as it is, even while a runner holds the order
        HeldOrder held(context.store, id, lease);
        const auto& order = held.order();
        if (shipped(order)) return order_response(order);
        require_settled(order);
        if (order.status != OrderStatus::paid) {
          throw platform::conflict(
              "illegal-transition",
              "an order that is " + std::string(to_string(order.status)) + " cannot be shipped");
        }
        require_done(
            failed_when_unreachable([&] { return context.participants.capture_payment(order); }),
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
        require_settled(order);
        check_refund(order, amount);
        // The payment service sees one client (this one): the key it gets
        // names the admin too, and stays short whatever the admin sent.
        const auto payment_key =
            platform::hex_encode(platform::crypto::sha256(key.requester + '\n' + key.key));
        require_done(failed_when_unreachable([&] {
                       return context.participants.refund_payment(order, amount, payment_key,
                                                                  input.reason);
                     }),
                     "refund-refused");
        return order_response(context.store.record_refund(held.claimed(), key, amount, input.reason,
                                                          platform::now_unix_millis()));
      },
      admins);
}

}  // namespace orders
