#include "customers_service.h"

#include "api/routes.h"
#include "platform/bus/outbox.h"
#include "platform/http/health.h"

namespace customers {

CustomersService::CustomersService(platform::db::Database& database, platform::bus::EventBus& bus,
                                   platform::metrics::Registry& registry,
                                   std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                                   CustomersOptions options)
    : database_(database),
      bus_(bus),
      registry_(registry),
      verifier_(std::move(verifier)),
      relay_(std::make_unique<platform::bus::OutboxRelay>(database, bus)),
      store_(database,
             [this](bool added_events) {
               if (added_events) relay_->notify();
             }),
      consumers_(std::make_unique<EventConsumers>(
          database, bus,
          registry.counter("customers_events_total",
                           "Consumed events by subject and outcome (applied, stale, erased, "
                           "duplicate, invalid, failed)",
                           {"subject", "outcome"}),
          options.consumers)) {}

CustomersService::~CustomersService() = default;

void CustomersService::migrate(platform::db::Database& database) {
  platform::db::migrate(database, {platform::bus::migrations(), {"customers", migrations()}});
}

platform::http::Router CustomersService::routes() {
  platform::http::Router router;
  router.use_token_verifier(verifier_);
  ApiContext context{database_, store_};
  add_customer_routes(router, context);
  add_address_routes(router, context);
  add_wishlist_routes(router, context);
  add_recently_viewed_routes(router, context);
  add_order_routes(router, context);
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(
      router, registry_,
      {{"database", [this] { return database_.ping(); }}, {"bus", [this] { return bus_.ping(); }}});
  return router;
}

}  // namespace customers
