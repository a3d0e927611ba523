#pragma once

#include <chrono>
#include <memory>

#include "events/recommendation_consumers.h"
#include "platform/auth/token_verifier.h"
#include "platform/bus/event_bus.h"
#include "platform/db/database.h"
#include "platform/embedded_file.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "platform/periodic_task.h"
#include "serving/answers.h"
#include "serving/trainer.h"
#include "store/interaction_store.h"
#include "store/product_facts_store.h"

namespace recommendations {

std::vector<platform::EmbeddedFile> openapi_document();

struct RecommendationsOptions {
  ConsumerOptions consumers;
  TrainerOptions trainer;
  // Models are trained when the service starts, then this often, and when
  // an admin asks (POST /v1/recommendations/training).
  std::chrono::milliseconds retrain_every{std::chrono::minutes(10)};
  // No more than this many products of one category in an answer while
  // others are left.
  std::size_t per_category = 3;
};

// The recommendations service as one object: the event consumers, the
// interaction log and the products' facts, the trainer on its schedule, the
// models served and the routes. Hosted by its own executable and by
// apps/shop.
class RecommendationsService {
 public:
  // The database and the bus must outlive the service.
  RecommendationsService(platform::db::Database& database, platform::bus::EventBus& bus,
                         platform::metrics::Registry& registry,
                         std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                         RecommendationsOptions options);

  static void migrate(platform::db::Database& database);

  // The API plus /healthz, /readyz, /metrics and /openapi.yaml.
  platform::http::Router routes();

  Trainer& trainer() { return trainer_; }
  const Answers& answers() const { return answers_; }
  const RecommendationsOptions& options() const { return options_; }

 private:
  platform::db::Database& database_;
  platform::bus::EventBus& bus_;
  platform::metrics::Registry& registry_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
  RecommendationsOptions options_;
  InteractionStore interactions_;
  ProductFactsStore facts_;
  ModelHolder holder_;
  Trainer trainer_;
  Answers answers_;
  EventConsumers consumers_;
  platform::PeriodicTask retraining_;  // last: stops first
};

}  // namespace recommendations
