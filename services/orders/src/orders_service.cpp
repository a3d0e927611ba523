#include "orders_service.h"

#include "api/routes.h"
#include "platform/bus/outbox.h"
#include "platform/http/health.h"
#include "platform/log.h"
#include "platform/periodic_task.h"

namespace orders {

struct OrdersService::Background {
  Background(OrdersService& service, const OrdersOptions& options)
      : relay(service.database_, service.bus_),
        resumer("saga-resumer", options.resume_interval, [&service] {
          const int resumed = service.runner_.resume_due();
          if (resumed > 0) platform::log::info("sagas resumed", {{"count", resumed}});
        }) {}

  platform::bus::OutboxRelay relay;
  platform::PeriodicTask resumer;
};

OrdersService::OrdersService(platform::db::Database& database, platform::bus::EventBus& bus,
                             platform::metrics::Registry& registry,
                             std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                             SagaParticipants& participants, OrdersOptions options)
    : database_(database),
      bus_(bus),
      registry_(registry),
      verifier_(std::move(verifier)),
      participants_(participants),
      options_(options),
      store_(database,
             [this] {
               if (background_) background_->relay.notify();
             }),
      runner_(store_, participants_, options.saga, registry),
      background_(std::make_unique<Background>(*this, options)) {}

OrdersService::~OrdersService() = default;

void OrdersService::migrate(platform::db::Database& database) {
  platform::db::migrate(database, {platform::bus::migrations(), {"orders", migrations()}});
}

platform::http::Router OrdersService::routes() {
  platform::http::Router router;
  router.use_token_verifier(verifier_);
  const ApiContext context{store_, runner_, participants_};
  add_placement_routes(router, context);
  add_order_routes(router, context);
  add_fulfilment_routes(router, context);
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(
      router, registry_,
      {{"database", [this] { return database_.ping(); }}, {"bus", [this] { return bus_.ping(); }}});
  return router;
}

}  // namespace orders
