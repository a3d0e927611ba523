#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "events/catalog_consumer.h"
#include "index/index_directory.h"
#include "index/lexicon_cache.h"
#include "index/live_index.h"
#include "index/reader_pool.h"
#include "index/searcher.h"
#include "platform/auth/token_verifier.h"
#include "platform/bus/event_bus.h"
#include "platform/embedded_file.h"
#include "platform/http/client.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "platform/periodic_task.h"
#include "platform/response_cache.h"
#include "reindex/product_source.h"
#include "reindex/reindexer.h"

namespace search {

// The OpenAPI document (compiled in from openapi.yaml), served at /openapi.yaml.
std::vector<platform::EmbeddedFile> openapi_document();

struct SearchServiceOptions {
  std::filesystem::path index_directory = "data/search";
  // The replica's own durable consumer of catalog events, deleted by the
  // bus when unused this long (the replica then takes a snapshot again).
  std::string consumer_name = "search";
  std::chrono::milliseconds forget_consumer_when_idle{std::chrono::hours(1)};
  FieldWeights fields;
  SearchOptions search;
  // Where a reindex reads the products; empty: this replica cannot reindex.
  std::string catalog_url;
  // A replica whose index is empty, or whose consumer of events is new (it
  // missed what came before), builds its index from the catalog at start,
  // and is not ready until it has.
  bool reindex_when_behind = true;
  // How often the lexicon catches up with the index, a failed first
  // snapshot is tried again and retired generations are deleted.
  std::chrono::milliseconds maintenance_interval{2000};
  // Answers are served again to the same request until the index changes,
  // for at most this long; 0 disables the cache.
  std::chrono::milliseconds cache_ttl{std::chrono::minutes(1)};
  std::size_t cache_max_bytes = 64 << 20;
  std::chrono::milliseconds retired_grace{std::chrono::seconds(60)};
};

// The search service as one object: the index (served and rebuilt), the
// consumer of catalog events that keeps it current, the searcher and the
// HTTP routes. Hosted by its own executable and by apps/shop.
class SearchService {
 public:
  // `catalog_client` calls the catalog for reindexing (with
  // options.catalog_url); it must outlive the service.
  SearchService(platform::bus::EventBus& bus, platform::metrics::Registry& registry,
                std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                std::shared_ptr<const Synonyms> synonyms, SearchServiceOptions options,
                platform::http::Client& catalog_client);
  ~SearchService();
  SearchService(const SearchService&) = delete;
  SearchService& operator=(const SearchService&) = delete;

  // The API plus /healthz, /readyz, /metrics and /openapi.yaml.
  platform::http::Router routes();

  LiveIndex& index() noexcept { return index_; }
  const Searcher& searcher() const noexcept { return searcher_; }
  LexiconCache& lexicon() noexcept { return lexicon_; }
  // Null without a catalog address.
  Reindexer* reindexer() noexcept { return reindexer_.get(); }
  // False while a new replica builds its first index from the catalog.
  bool ready() const noexcept { return !needs_snapshot_.load(); }

 private:
  void maintain();
  void snapshot_served();
  void refresh_lexicon();

  platform::bus::EventBus& bus_;
  platform::metrics::Registry& registry_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
  SearchServiceOptions options_;
  // Before the index, which empties it whenever it changes.
  platform::ResponseCache cache_;
  IndexDirectory directory_;
  LiveIndex index_;
  ReaderPool readers_;
  LexiconCache lexicon_;
  Searcher searcher_;
  std::unique_ptr<ProductSource> products_;
  std::unique_ptr<Reindexer> reindexer_;
  std::atomic<bool> needs_snapshot_{false};
  // Destroyed first: no event or maintenance runs into what goes before.
  std::unique_ptr<CatalogConsumer> consumer_;
  std::unique_ptr<platform::PeriodicTask> maintenance_;
};

}  // namespace search
