#include "search_service.h"

#include <functional>

#include "api/routes.h"
#include "platform/http/health.h"
#include "platform/log.h"

namespace search {

SearchService::SearchService(platform::bus::EventBus& bus, platform::metrics::Registry& registry,
                             std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                             std::shared_ptr<const Synonyms> synonyms, SearchServiceOptions options,
                             platform::http::Client& catalog_client)
    : bus_(bus),
      registry_(registry),
      verifier_(std::move(verifier)),
      options_(std::move(options)),
      cache_(options_.cache_ttl, options_.cache_max_bytes,
             &registry.counter("search_cache_lookups_total", "Answers looked up in the cache",
                               {"result"})),
      directory_(options_.index_directory),
      index_(directory_, options_.fields, [this] { cache_.invalidate(); }),
      readers_(index_),
      lexicon_(index_, readers_),
      searcher_(readers_, lexicon_, std::move(synonyms), options_.search) {
  auto& events = registry_.counter(
      "search_events_total",
      "Catalog events by subject and outcome (applied, unchanged, invalid, ignored, failed)",
      {"subject", "outcome"});
  const bool indexed_before = !index_.empty();
  consumer_ = std::make_unique<CatalogConsumer>(bus_, index_, options_.consumer_name,
                                                options_.forget_consumer_when_idle, events);
  if (!options_.catalog_url.empty()) {
    products_ = std::make_unique<CatalogProductPages>(options_.catalog_url, catalog_client);
    reindexer_ = std::make_unique<Reindexer>(index_, *products_, [this] { snapshot_served(); });
    const bool behind = !indexed_before || !consumer_->resumed() || directory_.snapshot_pending();
    if (options_.reindex_when_behind && behind) {
      // Marked before the snapshot starts: a stop before it is served
      // leaves the mark, and the next start takes it again.
      directory_.mark_snapshot_pending();
      needs_snapshot_ = true;
    }
  }
  if (needs_snapshot_) {
    platform::log::info(!indexed_before ? "the index is empty: building it from the catalog"
                                        : "the index may have missed events: rebuilding it",
                        {{"catalog", options_.catalog_url}});
    reindexer_->start();
  }
  maintenance_ = std::make_unique<platform::PeriodicTask>(
      "search-maintenance", options_.maintenance_interval, [this] { maintain(); });
}

SearchService::~SearchService() {
  maintenance_.reset();
  consumer_.reset();
  reindexer_.reset();
}

void SearchService::snapshot_served() {
  directory_.clear_snapshot_pending();
  needs_snapshot_ = false;
  refresh_lexicon();
}

void SearchService::refresh_lexicon() {
  // Answers planned with the old lexicon (its corrections, its known words)
  // must not outlive it.
  if (lexicon_.refresh()) cache_.invalidate();
}

void SearchService::maintain() {
  // Each step on its own: one failing must not hold back the others.
  const auto step = [](const char* what, const std::function<void()>& work) {
    try {
      work();
    } catch (const std::exception& error) {
      platform::log::warn("search maintenance step failed",
                          {{"step", what}, {"error", error.what()}});
    }
  };
  step("lexicon", [this] { refresh_lexicon(); });
  step("retired generations", [this] { index_.collect_retired(options_.retired_grace); });
  step("snapshot", [this] {
    if (needs_snapshot_ && reindexer_ &&
        reindexer_->status().state == ReindexStatus::State::failed) {
      platform::log::info("building the index from the catalog again");
      reindexer_->start();
    }
  });
}

platform::http::Router SearchService::routes() {
  platform::http::Router router;
  router.use_token_verifier(verifier_);
  add_search_routes(router, searcher_,
                    registry_.counter("search_queries_total",
                                      "Searches and suggestions by kind and result (hits, "
                                      "no_hits, corrected, relaxed)",
                                      {"kind", "result"}),
                    cache_);
  add_index_routes(router, index_, reindexer_.get(), lexicon_);
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(
      router, registry_,
      {{"index", [this] { return ready(); }}, {"bus", [this] { return bus_.ping(); }}});
  return router;
}

}  // namespace search
