// The customers service as its own process (distributed mode): PostgreSQL or
// SQLite, NATS JetStream, configured by environment variables (see --help).
#include "customers_service.h"
#include "platform/bus/backlog_gauges.h"
#include "platform/bus/open_event_bus.h"
#include "platform/config.h"
#include "platform/db/database_settings.h"
#include "platform/http/authorization.h"
#include "platform/http/server_settings.h"
#include "platform/log.h"

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "customers",
                          "Customer profiles, addresses, wishlists, recently viewed products and "
                          "order history.");
  const auto server_options =
      platform::http::read_server_options(config, "CUSTOMERS", "customers", 8083);
  const auto database_settings =
      platform::db::read_database_settings(config, "CUSTOMERS", "customers");
  const auto bus_url =
      config.text("CUSTOMERS_NATS_URL", "",
                  "NATS JetStream URL; empty runs an in-process bus (development only)");
  const auto token_verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("customers");
  platform::log::set_level(log_level);

  try {
    auto database = platform::db::open_database(database_settings.url, database_settings.options);
    customers::CustomersService::migrate(*database);
    auto bus = platform::bus::open_event_bus(bus_url, "customers");
    platform::metrics::Registry registry;
    customers::CustomersService service(*database, *bus, registry,
                                        platform::http::make_token_verifier(token_verification));
    platform::bus::BacklogGauges backlog_gauges(*bus, registry);
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("customers failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
