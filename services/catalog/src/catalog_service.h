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
#include "platform/response_cache.h"
#include "store/catalog_store.h"

namespace catalog {

// The migrations of the catalog database (compiled in from migrations/).
std::vector<platform::EmbeddedFile> migrations();
// The OpenAPI document (compiled in from openapi.yaml), served at /openapi.yaml.
std::vector<platform::EmbeddedFile> openapi_document();

struct CatalogOptions {
  std::chrono::milliseconds expiry_interval{1000};
  // Product reads served from memory; writes of this process invalidate at
  // once, other replicas' writes show after at most this long. 0 disables.
  std::chrono::milliseconds cache_ttl{1000};
  std::size_t cache_max_bytes = 16 << 20;
};

// The catalog as one object: its store, its HTTP routes and its background
// work (outbox relay, reservation expiry). Hosted by its own executable in
// distributed mode and by apps/shop in embedded mode; both give it a database
// that migrate() has prepared and a bus.
class CatalogService {
 public:
  // `verifier` checks the bearer tokens of every non-public route.
  CatalogService(platform::db::Database& database, platform::bus::EventBus& bus,
                 platform::metrics::Registry& registry,
                 std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                 CatalogOptions options = {});
  ~CatalogService();
  CatalogService(const CatalogService&) = delete;
  CatalogService& operator=(const CatalogService&) = delete;

  // The API plus /healthz, /readyz, /metrics and /openapi.yaml.
  platform::http::Router routes();
  CatalogStore& store() { return store_; }

  // Applies the platform's and the catalog's migrations.
  static void migrate(platform::db::Database& database);

 private:
  struct Background;

  platform::db::Database& database_;
  platform::bus::EventBus& bus_;
  platform::metrics::Registry& registry_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
  platform::metrics::Family<platform::metrics::Counter>& reservations_;
  platform::ResponseCache cache_;
  CatalogStore store_;
  std::unique_ptr<Background> background_;
};

}  // namespace catalog
