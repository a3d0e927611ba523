#include <boost/json.hpp>

#include "api/held_order.h"
#include "api/order_input.h"
#include "api/routes.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/http/authorization.h"
#include "platform/http/idempotency.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"
#include "representation/order_json.h"

namespace orders {

namespace {

using platform::http::Access;
using platform::http::Request;
using platform::http::Response;

Response order_response(int status, const Order& order) {
  return platform::http::json_response(status, to_json(order));
}

// Whether the caller may see order `order`: its customer, an admin, or the
// checkout client that placed it (reading back what it placed).
bool may_see(const platform::auth::Caller& caller, const Order& order) {
  if (caller.is_service()) {
    return caller.has_scope(kPlaceScope) && caller.subject == order.placed_by;
  }
  return caller.is_admin() || caller.subject == order.draft.customer_id;
}

// Someone else's order is not found rather than forbidden: order ids are not
// to be probed.
Order visible_order(const ApiContext& context, const Request& request) {
  const auto& id = request.path_parameter("id");
  auto order = context.store.find(id);
  if (!order || !may_see(platform::http::caller_of(request), *order)) {
    throw platform::not_found("order-not-found", "no order " + id);
  }
  return std::move(*order);
}

Order new_order(OrderDraft draft) {
  const auto now = platform::now_unix_millis();
  Order order;
  order.id = platform::new_uuid_v7();
  order.draft = std::move(draft);
  order.saga.step = SagaStep::reserve_stock;
  order.saga.step_started_at = now;
  order.saga.next_attempt_at = now;
  order.created_at = now;
  order.updated_at = now;
  return order;
}

}  // namespace

void add_placement_routes(platform::http::Router& router, ApiContext context) {
  // Checkout places the order; its saga runs within the request, so the
  // answer usually says paid or cancelled. A saga still waiting on another
  // service answers with "processing" set and is finished in the background.
  router.post(
      "/v1/orders",
      [context](Request& request) {
        const auto placement = platform::http::keyed_request(request);
        auto draft = read_draft(request);
        auto placed = context.store.place(new_order(std::move(draft)), placement,
                                          context.runner.settings().lease.count());
        const auto patience = context.runner.settings().inline_patience;
        Order order;
        if (placed.lease) {
          order = context.runner.run({std::move(placed.order), *placed.lease, placed.lease_until},
                                     patience);
        } else {
          // A retry: finish what a crashed attempt left, if nobody else is.
          order =
              is_finished(placed.order.saga.step)
                  ? placed.order
                  : context.runner.run_if_free(placed.order.id, patience).value_or(placed.order);
        }
        auto response = order_response(placed.lease ? 201 : 200, order);
        response.headers.set("Location", "/v1/orders/" + order.id);
        if (!placed.lease) response.headers.set("Idempotent-Replayed", "true");
        return response;
      },
      platform::http::requires_access(Access::scope(kPlaceScope)));
}

void add_order_routes(platform::http::Router& router, ApiContext context) {
  // Customers list their own orders; admins everyone's, with filters.
  router.get(
      "/v1/orders",
      [context](Request& request) {
        const auto page = context.store.list(read_order_query(request));
        boost::json::array items;
        for (const auto& order : page.items) items.push_back(to_json(order));
        boost::json::object body{{"items", std::move(items)}};
        if (page.next_cursor) body["next_cursor"] = *page.next_cursor;
        return platform::http::json_response(200, body);
      },
      platform::http::requires_access(Access::user()));

  router.get(
      "/v1/orders/{id}",
      [context](Request& request) { return order_response(200, visible_order(context, request)); },
      platform::http::requires_access(Access::signed_in()));

  // Until it ships. Whatever was done is undone by the saga's compensation:
  // the authorization voided, the stock released (or put back on hand if it
  // had been confirmed). Cancelling a cancelled order answers it again.
  router.post(
      "/v1/orders/{id}/cancel",
      [context](Request& request) {
        const auto& caller = platform::http::caller_of(request);
        const auto visible = visible_order(context, request);
        if (caller.is_service()) {
          throw platform::Error(platform::ErrorKind::forbidden, "forbidden",
                                "orders are cancelled by their customer or an admin");
        }
        auto reason = read_cancel_reason(request);
        if (reason.empty()) {
          reason = caller.is_admin() && caller.subject != visible.draft.customer_id
                       ? "cancelled by the shop"
                       : "cancelled by the customer";
        }
        // Cancelled or being cancelled: answered as it is, even while the
        // compensation's runner holds the order.
        if (visible.status == OrderStatus::cancelled || is_compensating(visible.saga.step)) {
          return order_response(200, visible);
        }
        HeldOrder held(context.store, visible.id, context.runner.settings().lease.count());
        const auto& order = held.order();
        if (order.status == OrderStatus::cancelled || is_compensating(order.saga.step)) {
          return order_response(200, order);
        }
        if (!is_cancellable(order.status)) {
          throw platform::conflict("order-not-cancellable",
                                   "an order that is " + std::string(to_string(order.status)) +
                                       " can no longer be cancelled; ask for a refund instead");
        }
        const auto now = platform::now_unix_millis();
        const auto compensation = begin_cancellation(order.saga, std::move(reason), now,
                                                     context.runner.settings().policy);
        if (!compensation) return order_response(200, order);
        auto claimed = held.take();
        if (!context.store.save_saga(claimed, *compensation, {}, now,
                                     context.runner.settings().lease.count())) {
          throw platform::conflict("order-busy", "the order was taken over by another change");
        }
        return order_response(
            200, context.runner.run(std::move(claimed), context.runner.settings().inline_patience));
      },
      platform::http::requires_access(Access::signed_in()));
}

}  // namespace orders
