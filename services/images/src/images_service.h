#pragma once

#include <chrono>
#include <memory>
#include <semaphore>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "delivery/representation.h"
#include "delivery/single_flight.h"
#include "domain/image_record.h"
#include "domain/variant.h"
#include "platform/auth/token_verifier.h"
#include "platform/db/database.h"
#include "platform/embedded_file.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "platform/response_cache.h"
#include "platform/storage/object_store.h"
#include "processing/image_processor.h"
#include "store/image_records.h"

namespace images {

std::vector<platform::EmbeddedFile> migrations();
std::vector<platform::EmbeddedFile> openapi_document();

struct ImagesServiceOptions {
  std::size_t max_upload_bytes = std::size_t{25} << 20;
  ProcessingLimits limits;
  VariantRules rules = VariantRules::defaults();
  // Key of HMAC-signed URLs for sizes outside the allow-lists; empty: none.
  std::string url_signing_key;
  // Decoding and encoding at once (uploads and first requests of a
  // variant): with libvips' threads per render, what bounds memory and CPU.
  int max_concurrent_renders = 2;
  // How long a request waits for a free render before a 503.
  std::chrono::milliseconds render_wait{10000};
  // Hot variants served from memory; 0 turns that off.
  std::size_t cache_max_bytes = std::size_t{64} << 20;
};

struct UploadResult {
  ImageRecord record;
  bool created = false;  // false: the same picture was already stored
};

// The images service as one object: uploads, the variants made from them on
// first request and kept in the object store, and the routes. Hosted by its
// own executable and by apps/shop.
class ImagesService {
 public:
  // The database and the store must outlive the service.
  ImagesService(platform::db::Database& database, platform::storage::ObjectStore& store,
                platform::metrics::Registry& registry,
                std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                ImagesServiceOptions options);

  static void migrate(platform::db::Database& database);

  // The API plus /healthz, /readyz, /metrics and /openapi.yaml.
  platform::http::Router routes();

  // Prepares and stores an upload (what POST /v1/images does).
  UploadResult upload(std::string_view bytes, const std::string& uploaded_by);
  std::optional<ImageRecord> find(std::string_view id);
  // The picture as a GET with this query and Accept header gets it:
  // the stored original when the query is empty, else a variant, rendered
  // on first request. Throws platform::Error: not_found, invalid_argument,
  // forbidden (signature), unavailable (busy, or the store).
  std::shared_ptr<const Representation> picture(
      std::string_view id, const std::vector<std::pair<std::string, std::string>>& query,
      std::string_view accept);

  // The same picture when it is held in memory, without blocking (the
  // route's fast path); nullptr otherwise.
  std::shared_ptr<const Representation> cached_picture(
      std::string_view id, const std::vector<std::pair<std::string, std::string>>& query,
      std::string_view accept) const;

  const ImagesServiceOptions& options() const noexcept { return options_; }

 private:
  struct Traits {
    bool has_alpha = false;
    ImageFormat stored_format = ImageFormat::jpeg;
  };

  // A held render slot, given back on destruction.
  class RenderSlot;
  RenderSlot acquire_render_slot();

  std::optional<Traits> traits_of(std::string_view id);
  std::optional<Traits> known_traits(std::string_view id) const;
  // What a request names, without touching the database when the image's
  // traits are known: the cache key and how to build the representation.
  struct Target {
    std::string name;  // "original", or the variant's name with its format
    std::string object_key;
    ImageFormat format = ImageFormat::jpeg;
    bool original = false;
    bool negotiated = false;
    Variant variant;
  };
  Target target_of(std::string_view id, const Traits& traits,
                   const std::vector<std::pair<std::string, std::string>>& query,
                   std::string_view accept) const;
  std::shared_ptr<const Representation> cached(const Target& target) const;
  std::shared_ptr<const Representation> load_or_render(std::string_view id, const Target& target);

  platform::db::Database& database_;
  platform::storage::ObjectStore& store_;
  platform::metrics::Registry& registry_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
  ImagesServiceOptions options_;
  ImageRecords records_;
  EncoderSupport encoders_;
  std::counting_semaphore<1024> renders_;
  SingleFlight<std::string> flights_;  // variant bytes by object key
  platform::ResponseCache cache_;
  mutable std::shared_mutex traits_mutex_;
  std::unordered_map<std::string, Traits> traits_;
  platform::metrics::Family<platform::metrics::Counter>& uploads_;
  platform::metrics::Family<platform::metrics::Counter>& deliveries_;
  platform::metrics::Family<platform::metrics::Histogram>& render_seconds_;
};

}  // namespace images
