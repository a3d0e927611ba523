#include "catalog_service.h"

#include "api/routes.h"
#include "platform/bus/outbox.h"
#include "platform/clock.h"
#include "platform/http/health.h"
#include "platform/http/idempotency.h"
#include "platform/log.h"
#include "platform/periodic_task.h"

namespace catalog {

struct CatalogService::Background {
  Background(CatalogService& service, const CatalogOptions& options)
      : relay(service.database_, service.bus_),
        expiry("reservation-expiry", options.expiry_interval, [&service] {
          const int expired = service.store_.expire_reservations(platform::now_unix_millis(), 100);
          if (expired > 0) {
            service.reservations_.with({"expired"}).increment(static_cast<std::uint64_t>(expired));
            platform::log::info("reservations expired", {{"count", expired}});
          }
        }) {}

  platform::bus::OutboxRelay relay;
  platform::PeriodicTask expiry;
};

CatalogService::CatalogService(platform::db::Database& database, platform::bus::EventBus& bus,
                               platform::metrics::Registry& registry,
                               std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                               CatalogOptions options)
    : database_(database),
      bus_(bus),
      registry_(registry),
      verifier_(std::move(verifier)),
      reservations_(registry.counter("catalog_reservations_total",
                                     "Reservation requests and transitions by outcome",
                                     {"outcome"})),
      cache_(options.cache_ttl, options.cache_max_bytes,
             &registry.counter("catalog_read_cache_lookups_total", "Product read cache lookups",
                               {"result"})),
      store_(database,
             [this](bool added_events) {
               cache_.invalidate();
               if (added_events && background_) background_->relay.notify();
             }),
      background_(std::make_unique<Background>(*this, options)) {}

CatalogService::~CatalogService() = default;

void CatalogService::migrate(platform::db::Database& database) {
  platform::db::migrate(database, {platform::bus::migrations(), {"catalog", migrations()}});
}

platform::http::Router CatalogService::routes() {
  platform::http::Router router;
  router.use_token_verifier(verifier_);
  const Idempotent idempotent = [this](platform::http::Handler handler) {
    return platform::http::idempotent(database_, "catalog", std::move(handler));
  };
  add_product_routes(router, store_, cache_, idempotent);
  add_import_routes(router, store_);
  add_category_routes(router, store_, idempotent);
  add_inventory_routes(router, store_, idempotent);
  add_reservation_routes(router, store_, reservations_);
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(
      router, registry_,
      {{"database", [this] { return database_.ping(); }}, {"bus", [this] { return bus_.ping(); }}});
  return router;
}

}  // namespace catalog
