#pragma once

#include "platform/http/router.h"
#include "platform/metrics.h"
#include "processor/card_processor.h"
#include "store/payments_store.h"

namespace payments {

// What the handlers work with.
struct ApiContext {
  platform::db::Database& database;
  PaymentsStore& store;
  CardProcessor& processor;
  // payments_operations_total{operation, outcome}
  platform::metrics::Family<platform::metrics::Counter>& operations;
};

// The scope of the services that may move money: the orders service.
inline constexpr const char* kChargeScope = "payments.charge";

// Payments: the orders service (scope payments.charge) or admins.
inline platform::http::RouteOptions payment_handlers() {
  return platform::http::requires_access(
      platform::http::Access::role("admin").or_scope(kChargeScope));
}

void add_payment_method_routes(platform::http::Router& router, ApiContext context);
void add_payment_routes(platform::http::Router& router, ApiContext context);

}  // namespace payments
