// The catalog as its own process (distributed mode): PostgreSQL or SQLite,
// NATS JetStream, configured by environment variables (see --help).
#include "catalog_service.h"
#include "demo/demo_catalog.h"
#include "platform/bus/open_event_bus.h"
#include "platform/config.h"
#include "platform/db/database_settings.h"
#include "platform/http/authorization.h"
#include "platform/http/server_settings.h"
#include "platform/log.h"

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "catalog",
                          "Products, categories, prices, inventory and stock reservations.");
  const auto server_options =
      platform::http::read_server_options(config, "CATALOG", "catalog", 8081);
  const auto database_settings = platform::db::read_database_settings(config, "CATALOG", "catalog");
  const auto bus_url =
      config.text("CATALOG_NATS_URL", "",
                  "NATS JetStream URL; empty runs an in-process bus (development only)");
  catalog::CatalogOptions options;
  options.cache_ttl = config.milliseconds(
      "CATALOG_CACHE_TTL_MS", options.cache_ttl,
      "how long another replica's writes may take to show in reads; 0 disables the read cache");
  const auto token_verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  const bool seed =
      config.flag("CATALOG_SEED_DEMO", false, "fill an empty catalog with the demo shop");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("catalog");
  platform::log::set_level(log_level);

  try {
    auto database = platform::db::open_database(database_settings.url, database_settings.options);
    catalog::CatalogService::migrate(*database);
    auto bus = platform::bus::open_event_bus(bus_url, "catalog");
    platform::metrics::Registry registry;
    catalog::CatalogService service(*database, *bus, registry,
                                    platform::http::make_token_verifier(token_verification),
                                    options);
    if (seed) {
      const int created = catalog::seed_demo_catalog(service.store());
      if (created > 0) platform::log::info("demo catalog seeded", {{"products", created}});
    }
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("catalog failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
