// The orders service as its own process (distributed mode): PostgreSQL or
// SQLite, NATS JetStream, the catalog and the payment service over HTTP,
// configured by environment variables (see --help).
#include "orders_service.h"
#include "platform/bus/open_event_bus.h"
#include "platform/config.h"
#include "platform/db/database_settings.h"
#include "platform/http/authorization.h"
#include "platform/http/server_settings.h"
#include "platform/http/service_token.h"
#include "platform/log.h"
#include "saga/remote_participants.h"

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "orders",
                          "Orders: placement through the checkout saga, tracking, shipment, "
                          "cancellation and refunds.");
  const auto server_options = platform::http::read_server_options(config, "ORDERS", "orders", 8084);
  const auto database_settings = platform::db::read_database_settings(config, "ORDERS", "orders");
  const auto bus_url = config.text(
      "ORDERS_NATS_URL", "", "NATS JetStream URL; empty runs an in-process bus (development only)");
  orders::ParticipantEndpoints endpoints;
  endpoints.catalog_url =
      config.text("ORDERS_CATALOG_URL", "http://localhost:8081", "the catalog's base URL");
  endpoints.payments_url =
      config.text("ORDERS_PAYMENTS_URL", "http://localhost:8085", "the payment service's base URL");
  endpoints.hold_seconds =
      config.integer("ORDERS_HOLD_SECONDS", endpoints.hold_seconds,
                     "how long the catalog holds stock for an order awaiting payment", 60, 86400);
  endpoints.call_timeout = config.milliseconds("ORDERS_CALL_TIMEOUT_MS", endpoints.call_timeout,
                                               "the longest one call to another service may take");
  orders::OrdersOptions options;
  options.saga.lease = config.milliseconds(
      "ORDERS_SAGA_LEASE_MS", options.saga.lease,
      "how long a runner holds an order; after a crash, the wait before another resumes it");
  options.saga.policy.step_deadline =
      config.milliseconds("ORDERS_STEP_DEADLINE_MS", options.saga.policy.step_deadline,
                          "how long a saga step may keep failing before the order is cancelled");
  options.saga.policy.settle_time = config.milliseconds(
      "ORDERS_SETTLE_MS", options.saga.policy.settle_time,
      "how long an unanswered call may still be at work elsewhere before it is compensated");
  options.saga.inline_patience = config.milliseconds(
      "ORDERS_INLINE_PATIENCE_MS", options.saga.inline_patience,
      "how long placing an order waits for retries before answering it still in progress");
  const auto token_verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  const auto credentials = platform::http::read_service_credentials(
      config, "ORDERS", "orders", token_verification.options.issuer,
      "catalog.reservations payments.charge");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("orders");
  platform::log::set_level(log_level);
  // A step makes up to four calls (a void that finds a capture: void, look,
  // refund; plus a token), and a placing request may wait its patience: a
  // live runner must never outlast its lease.
  if (endpoints.call_timeout * 4 + options.saga.inline_patience >= options.saga.lease) {
    platform::log::error(
        "ORDERS_SAGA_LEASE_MS must exceed 4 x ORDERS_CALL_TIMEOUT_MS + ORDERS_INLINE_PATIENCE_MS");
    return 1;
  }

  try {
    auto database = platform::db::open_database(database_settings.url, database_settings.options);
    orders::OrdersService::migrate(*database);
    auto bus = platform::bus::open_event_bus(bus_url, "orders");
    platform::metrics::Registry registry;
    platform::http::ClientOptions client_options;
    client_options.registry = &registry;
    platform::http::Client client(client_options);
    platform::http::ServiceTokenSource tokens(credentials);
    orders::RemoteParticipants participants(endpoints, client, tokens);
    orders::OrdersService service(*database, *bus, registry,
                                  platform::http::make_token_verifier(token_verification),
                                  participants, options);
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("orders failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
