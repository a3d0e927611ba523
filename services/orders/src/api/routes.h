#pragma once

#include "platform/http/router.h"
#include "saga/saga_participants.h"
#include "saga/saga_runner.h"
#include "store/orders_store.h"

namespace orders {

// What the handlers work with.
struct ApiContext {
  OrdersStore& store;
  SagaRunner& runner;
  SagaParticipants& participants;
};

// The scope of the services that place orders: checkout (the cart service).
// Customers never place orders directly: the prices are checkout's to set.
inline constexpr const char* kPlaceScope = "orders.place";

// POST /v1/orders
void add_placement_routes(platform::http::Router& router, ApiContext context);
// GET /v1/orders, GET /v1/orders/{id}, POST /v1/orders/{id}/cancel
void add_order_routes(platform::http::Router& router, ApiContext context);
// Admins: POST /v1/orders/{id}/ship, /deliver, /refunds
void add_fulfilment_routes(platform::http::Router& router, ApiContext context);

}  // namespace orders
