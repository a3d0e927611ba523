#include "recommendations_service.h"

#include "api/recommendation_routes.h"
#include "platform/http/health.h"
#include "store/schema.h"

namespace recommendations {

RecommendationsService::RecommendationsService(
    platform::db::Database& database, platform::bus::EventBus& bus,
    platform::metrics::Registry& registry,
    std::shared_ptr<const platform::auth::TokenVerifier> verifier, RecommendationsOptions options)
    : database_(database),
      bus_(bus),
      registry_(registry),
      verifier_(std::move(verifier)),
      options_(std::move(options)),
      interactions_(database),
      facts_(database),
      trainer_(interactions_, holder_, registry, options_.trainer),
      answers_(holder_, facts_, interactions_),
      consumers_(database, bus,
                 registry.counter("recommendations_events_total",
                                  "Events read by subject and outcome", {"subject", "outcome"}),
                 options_.consumers),
      retraining_("recommendations-training", options_.retrain_every,
                  [this] { trainer_.train_now(); }) {
  retraining_.wake();  // the first models, without holding up the start
}

void RecommendationsService::migrate(platform::db::Database& database) {
  recommendations::migrate(database);
}

platform::http::Router RecommendationsService::routes() {
  platform::http::Router router;
  router.use_token_verifier(verifier_);
  add_recommendation_routes(router, {answers_, trainer_, options_.per_category});
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(router, registry_,
                                         {{"database", [this] { return database_.ping(); }},
                                          {"bus", [this] { return bus_.ping(); }},
                                          {"models", [this] { return answers_.trained(); }}});
  return router;
}

}  // namespace recommendations
