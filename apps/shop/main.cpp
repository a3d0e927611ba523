// The whole shop in one process (embedded mode): every service on SQLite
// files under SHOP_DATA_DIR and an event bus in a SQLite file of its own,
// behind one port.
// The code of each service is the same library its own executable links.
#include <filesystem>

#include "catalog_service.h"
#include "demo/demo_catalog.h"
#include "platform/bus/database_bus.h"
#include "platform/config.h"
#include "platform/http/health.h"
#include "platform/http/json_response.h"
#include "platform/http/server_settings.h"
#include "platform/log.h"

namespace {

// GET / until the storefront arrives: where everything is.
platform::http::Response shop_index(platform::http::Request&) {
  boost::json::object services{{"catalog", "/api/catalog/v1/products"}};
  return platform::http::json_response(
      200, boost::json::object{
               {"name", "shop"}, {"mode", "embedded"}, {"services", std::move(services)}});
}

}  // namespace

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "shop", "The whole shop in one process, with demo data.");
  auto server_options = platform::http::read_server_options(config, "SHOP", "shop", 8080);
  const std::filesystem::path data =
      config.text("SHOP_DATA_DIR", "data", "where the SQLite files live");
  catalog::CatalogOptions catalog_options;
  catalog_options.cache_ttl =
      config.milliseconds("CATALOG_CACHE_TTL_MS", catalog_options.cache_ttl,
                          "how long catalog reads may be served from memory; 0 disables");
  const bool seed = config.flag("SHOP_SEED_DEMO", true, "fill an empty shop with the demo catalog");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("shop");
  platform::log::set_level(log_level);

  try {
    std::filesystem::create_directories(data);
    platform::metrics::Registry registry;
    // Events survive a crash of the shop: the bus keeps them in its own file.
    auto bus_database = platform::db::open_database("sqlite:" + (data / "bus.db").string());
    platform::bus::DatabaseBus bus(*bus_database);

    auto catalog_database = platform::db::open_database("sqlite:" + (data / "catalog.db").string());
    catalog::CatalogService::migrate(*catalog_database);
    catalog::CatalogService catalog_service(*catalog_database, bus, registry, catalog_options);
    if (seed) {
      const int created = catalog::seed_demo_catalog(catalog_service.store());
      if (created > 0) platform::log::info("demo catalog seeded", {{"products", created}});
    }

    platform::http::Router router;
    router.mount("/api/catalog", catalog_service.routes());
    router.get("/", shop_index, platform::http::inline_route());
    platform::http::add_operational_routes(router, registry,
                                           {{"catalog", [&] { return catalog_database->ping(); }}});
    platform::http::Server server(server_options, std::move(router), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("shop failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
