#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "platform/auth/token_verifier.h"
#include "platform/bus/event_bus.h"
#include "platform/db/database.h"
#include "platform/embedded_file.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "saga/saga_participants.h"
#include "saga/saga_runner.h"
#include "store/orders_store.h"

namespace orders {

// The migrations of the orders database (compiled in from migrations/).
std::vector<platform::EmbeddedFile> migrations();
// The OpenAPI document (compiled in from openapi.yaml), served at /openapi.yaml.
std::vector<platform::EmbeddedFile> openapi_document();

struct OrdersOptions {
  SagaSettings saga;
  // How often sagas left waiting (a service was down, a process died) are
  // looked for and resumed.
  std::chrono::milliseconds resume_interval{500};
};

// The orders service as one object: its store, its routes, the checkout
// saga's runner and its background work (outbox relay, saga resumer).
// Hosted by its own executable and by apps/shop, both giving it a database
// that migrate() has prepared, a bus, and the participants the saga calls.
class OrdersService {
 public:
  OrdersService(platform::db::Database& database, platform::bus::EventBus& bus,
                platform::metrics::Registry& registry,
                std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                SagaParticipants& participants, OrdersOptions options = {});
  ~OrdersService();
  OrdersService(const OrdersService&) = delete;
  OrdersService& operator=(const OrdersService&) = delete;

  // The API plus /healthz, /readyz, /metrics and /openapi.yaml.
  platform::http::Router routes();
  OrdersStore& store() { return store_; }
  SagaRunner& runner() { return runner_; }

  static void migrate(platform::db::Database& database);

 private:
  struct Background;

  platform::db::Database& database_;
  platform::bus::EventBus& bus_;
  platform::metrics::Registry& registry_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
  SagaParticipants& participants_;
  OrdersOptions options_;
  OrdersStore store_;
  SagaRunner runner_;
  std::unique_ptr<Background> background_;
};

}  // namespace orders
