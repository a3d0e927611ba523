#include "payments_service.h"

#include "api/routes.h"
#include "platform/bus/outbox.h"
#include "platform/http/health.h"

namespace payments {

PaymentsService::PaymentsService(platform::db::Database& database,
                                 platform::metrics::Registry& registry,
                                 std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                                 ProcessorSettings processor)
    : database_(database),
      registry_(registry),
      verifier_(std::move(verifier)),
      store_(database),
      processor_(processor),
      operations_(registry.counter(
          "payments_operations_total",
          "Card operations by kind and outcome (approved, declined, failed, replayed)",
          {"operation", "outcome"})) {}

void PaymentsService::migrate(platform::db::Database& database) {
  // The platform's set brings the idempotency keys of saved cards.
  platform::db::migrate(database, {platform::bus::migrations(), {"payments", migrations()}});
}

platform::http::Router PaymentsService::routes() {
  platform::http::Router router;
  router.use_token_verifier(verifier_);
  ApiContext context{database_, store_, processor_, operations_};
  add_payment_method_routes(router, context);
  add_payment_routes(router, context);
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(router, registry_,
                                         {{"database", [this] { return database_.ping(); }}});
  return router;
}

}  // namespace payments
