// The payments service as its own process (distributed mode): PostgreSQL or
// SQLite, configured by environment variables (see --help).
#include "payments_service.h"
#include "platform/config.h"
#include "platform/db/database_settings.h"
#include "platform/http/authorization.h"
#include "platform/http/server_settings.h"
#include "platform/log.h"

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "payments",
                          "A simulated card processor: saved cards, authorize, capture, void, "
                          "refund.");
  const auto server_options =
      platform::http::read_server_options(config, "PAYMENTS", "payments", 8085);
  const auto database_settings =
      platform::db::read_database_settings(config, "PAYMENTS", "payments");
  payments::ProcessorSettings processor;
  processor.latency = config.milliseconds("PAYMENTS_LATENCY_MS", processor.latency,
                                          "added to every card operation (chaos)");
  processor.failure_rate = static_cast<double>(config.integer(
                               "PAYMENTS_FAILURE_PERCENT", 0,
                               "share of card operations that fail with 503 (chaos)", 0, 100)) /
                           100.0;
  processor.slow_card_delay = config.milliseconds(
      "PAYMENTS_SLOW_CARD_MS", processor.slow_card_delay, "how long the slow test card takes");
  const auto token_verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("payments");
  platform::log::set_level(log_level);

  try {
    auto database = platform::db::open_database(database_settings.url, database_settings.options);
    payments::PaymentsService::migrate(*database);
    platform::metrics::Registry registry;
    payments::PaymentsService service(
        *database, registry, platform::http::make_token_verifier(token_verification), processor);
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("payments failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
