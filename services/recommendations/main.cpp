// The recommendations service as its own process (distributed mode):
// PostgreSQL or SQLite, NATS JetStream, configured by environment variables
// (see --help).
#include "platform/bus/backlog_gauges.h"
#include "platform/bus/open_event_bus.h"
#include "platform/config.h"
#include "platform/db/database_settings.h"
#include "platform/http/authorization.h"
#include "platform/http/server_settings.h"
#include "platform/log.h"
#include "recommendations_service.h"

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "recommendations",
                          "Product recommendations learned from purchases, carts and views.");
  const auto server_options =
      platform::http::read_server_options(config, "RECOMMENDATIONS", "recommendations", 8089);
  const auto database_settings =
      platform::db::read_database_settings(config, "RECOMMENDATIONS", "recommendations");
  const auto bus_url =
      config.text("RECOMMENDATIONS_NATS_URL", "",
                  "NATS JetStream URL; empty runs an in-process bus (development only)");
  recommendations::RecommendationsOptions options;
  options.consumers = recommendations::ConsumerOptions::named(config.text(
      "RECOMMENDATIONS_CONSUMER_NAME", "recommendations",
      "prefix of the bus consumers' names: replicas share it, separate deployments do not"));
  const auto start = config.text("RECOMMENDATIONS_CONSUMERS_START", "first_event",
                                 "where new consumers start: first_event (learn from the whole "
                                 "stream) or now (only what is published from then on)");
  options.retrain_every = config.milliseconds(
      "RECOMMENDATIONS_TRAIN_EVERY_MS", options.retrain_every, "how often models are trained");
  options.trainer.window = config.milliseconds("RECOMMENDATIONS_WINDOW_MS", options.trainer.window,
                                               "how far back a training reads the interaction log");
  const auto token_verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("recommendations");
  platform::log::set_level(log_level);
  if (start != "first_event" && start != "now") {
    platform::log::error("RECOMMENDATIONS_CONSUMERS_START must be first_event or now");
    return 1;
  }
  if (start == "now") options.consumers.start = platform::bus::SubscriptionOptions::Start::now;

  try {
    auto database = platform::db::open_database(database_settings.url, database_settings.options);
    recommendations::RecommendationsService::migrate(*database);
    auto bus = platform::bus::open_event_bus(bus_url, "recommendations");
    platform::metrics::Registry registry;
    recommendations::RecommendationsService service(
        *database, *bus, registry, platform::http::make_token_verifier(token_verification),
        std::move(options));
    platform::bus::BacklogGauges backlog_gauges(*bus, registry);
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("recommendations failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
