#pragma once

#include <memory>
#include <vector>

#include "events/event_consumers.h"
#include "platform/auth/token_verifier.h"
#include "platform/bus/event_bus.h"
#include "platform/bus/outbox.h"
#include "platform/db/database.h"
#include "platform/embedded_file.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "store/customers_store.h"

namespace customers {

// The migrations of the customers database (compiled in from migrations/).
std::vector<platform::EmbeddedFile> migrations();
// The OpenAPI document (compiled in from openapi.yaml), served at /openapi.yaml.
std::vector<platform::EmbeddedFile> openapi_document();

struct CustomersOptions {
  ConsumerNames consumers;
};

// The customers service as one object: its store, its HTTP routes and its
// background work (outbox relay, consumers of auth and orders events).
// Hosted by its own executable and by apps/shop; both give it a database
// that migrate() has prepared and a bus.
class CustomersService {
 public:
  // `verifier` checks the bearer token of every route but the operational
  // ones.
  CustomersService(platform::db::Database& database, platform::bus::EventBus& bus,
                   platform::metrics::Registry& registry,
                   std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                   CustomersOptions options = {});
  ~CustomersService();
  CustomersService(const CustomersService&) = delete;
  CustomersService& operator=(const CustomersService&) = delete;

  // The API plus /healthz, /readyz, /metrics and /openapi.yaml.
  platform::http::Router routes();
  CustomersStore& store() { return store_; }

  // Applies the platform's and the customers service's migrations.
  static void migrate(platform::db::Database& database);

 private:
  platform::db::Database& database_;
  platform::bus::EventBus& bus_;
  platform::metrics::Registry& registry_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
  // Destroyed in reverse order: the consumers stop before the store, and
  // the store's writes stop before the relay they notify.
  std::unique_ptr<platform::bus::OutboxRelay> relay_;
  CustomersStore store_;
  std::unique_ptr<EventConsumers> consumers_;
};

}  // namespace customers
