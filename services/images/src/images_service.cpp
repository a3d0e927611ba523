#include "images_service.h"

#include "api/image_routes.h"
#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/error.h"
#include "platform/http/health.h"
#include "platform/ids.h"

namespace images {

namespace {

constexpr std::size_t most_traits_kept = 100'000;

std::string etag_of(std::string_view id, std::string_view name) {
  return "\"" + std::string(id.substr(0, 24)) + "-" + std::string(name) + "\"";
}

}  // namespace

class ImagesService::RenderSlot {
 public:
  explicit RenderSlot(std::counting_semaphore<1024>& slots) : slots_(&slots) {}
  ~RenderSlot() {
    if (slots_ != nullptr) slots_->release();
  }
  RenderSlot(RenderSlot&& other) noexcept : slots_(std::exchange(other.slots_, nullptr)) {}
  RenderSlot(const RenderSlot&) = delete;
  RenderSlot& operator=(const RenderSlot&) = delete;
  RenderSlot& operator=(RenderSlot&&) = delete;

 private:
  std::counting_semaphore<1024>* slots_;
};

ImagesService::ImagesService(platform::db::Database& database,
                             platform::storage::ObjectStore& store,
                             platform::metrics::Registry& registry,
                             std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                             ImagesServiceOptions options)
    : database_(database),
      store_(store),
      registry_(registry),
      verifier_(std::move(verifier)),
      options_(std::move(options)),
      records_(database),
      encoders_(encoder_support()),
      renders_(std::clamp(options_.max_concurrent_renders, 1, 1024)),
      cache_(options_.cache_max_bytes > 0 ? std::chrono::milliseconds(std::chrono::hours(1))
                                          : std::chrono::milliseconds(0),
             options_.cache_max_bytes,
             &registry.counter("images_cache_lookups_total",
                               "Pictures looked up in memory, by result", {"result"})),
      uploads_(registry.counter("images_uploads_total", "Uploads by result (created, duplicate)",
                                {"result"})),
      deliveries_(registry.counter("images_deliveries_total",
                                   "Pictures sent, by where they came from (memory, store, "
                                   "rendered)",
                                   {"source"})),
      render_seconds_(registry.histogram("images_render_duration_seconds",
                                         "Time to prepare an upload or render a variant",
                                         {"kind"})) {}

void ImagesService::migrate(platform::db::Database& database) {
  platform::db::migrate(database, {{"images", images::migrations()}});
}

ImagesService::RenderSlot ImagesService::acquire_render_slot() {
  if (!renders_.try_acquire_for(options_.render_wait)) {
    throw platform::Error(platform::ErrorKind::unavailable, "images-busy",
                          "every picture renderer is busy; try again shortly");
  }
  return RenderSlot(renders_);
}

UploadResult ImagesService::upload(std::string_view bytes, const std::string& uploaded_by) {
  if (bytes.empty()) {
    throw platform::Error(platform::ErrorKind::invalid_argument, "empty-upload",
                          "the upload has no bytes");
  }
  PreparedOriginal prepared;
  {
    const auto slot = acquire_render_slot();
    const auto started = std::chrono::steady_clock::now();
    prepared = prepare_original(bytes, options_.limits);
    render_seconds_.with({"upload"})
        .observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  ImageRecord record;
  record.id = platform::hex_encode(platform::crypto::sha256(prepared.bytes));
  if (auto existing = records_.find(record.id)) {
    uploads_.with({"duplicate"}).increment();
    return {std::move(*existing), false};
  }
  record.uploaded_format = prepared.uploaded_format;
  record.stored_format = prepared.stored_format;
  record.width = prepared.width;
  record.height = prepared.height;
  record.bytes = static_cast<std::int64_t>(prepared.bytes.size());
  record.has_alpha = prepared.has_alpha;
  record.dominant_color = prepared.dominant_color;
  record.uploaded_by = uploaded_by;
  record.created_at = platform::now_unix_millis();
  // The object first: a record never names bytes that are not there, and
  // bytes without a record (a crash between the two) are harmless.
  store_.put(original_key(record.id), prepared.bytes);
  auto [stored, created] = records_.add(record);
  uploads_.with({created ? "created" : "duplicate"}).increment();
  return {std::move(stored), created};
}

std::optional<ImageRecord> ImagesService::find(std::string_view id) {
  if (!is_image_id(id)) return std::nullopt;
  return records_.find(id);
}

std::optional<ImagesService::Traits> ImagesService::known_traits(std::string_view id) const {
  std::shared_lock lock(traits_mutex_);
  if (const auto found = traits_.find(std::string(id)); found != traits_.end()) {
    return found->second;
  }
  return std::nullopt;
}

std::optional<ImagesService::Traits> ImagesService::traits_of(std::string_view id) {
  if (auto known = known_traits(id)) return known;
  const auto record = find(id);
  if (!record) return std::nullopt;
  const Traits traits{record->has_alpha, record->stored_format};
  std::unique_lock lock(traits_mutex_);
  // What an image is never changes, so nothing here goes stale; the bound
  // only caps memory.
  if (traits_.size() >= most_traits_kept) traits_.clear();
  traits_.emplace(record->id, traits);
  return traits;
}

ImagesService::Target ImagesService::target_of(
    std::string_view id, const Traits& traits,
    const std::vector<std::pair<std::string, std::string>>& query, std::string_view accept) const {
  Target target;
  if (query.empty()) {
    target.original = true;
    target.format = traits.stored_format;
    target.name = "original";
    target.object_key = original_key(id);
    return target;
  }
  target.variant = parse_variant(query, id, options_.rules, options_.url_signing_key);
  target.negotiated = !target.variant.format;
  target.format =
      target.variant.format.value_or(negotiate_format(accept, traits.has_alpha, encoders_));
  if (target.format == ImageFormat::avif && !encoders_.avif) {
    throw platform::Error(platform::ErrorKind::unprocessable, "format-unavailable",
                          "this server cannot encode AVIF", "format");
  }
  target.name = variant_name(target.variant, target.format);
  target.object_key = variant_key(id, target.name);
  return target;
}

std::shared_ptr<const Representation> ImagesService::cached(const Target& target) const {
  const auto entry = cache_.find(target.object_key);
  if (!entry) return nullptr;
  auto representation = std::make_shared<Representation>();
  // Shares the entry: the bytes stay where the cache keeps them.
  representation->body = std::shared_ptr<const std::string>(entry, &entry->body);
  representation->etag = entry->etag;
  representation->content_type = std::string(media_type_of(target.format));
  representation->varies_by_accept = target.negotiated;
  return representation;
}

std::shared_ptr<const Representation> ImagesService::load_or_render(std::string_view id,
                                                                    const Target& target) {
  const auto generation = cache_.generation();
  auto make = [&](std::string body) {
    auto representation = std::make_shared<Representation>();
    representation->body = std::make_shared<const std::string>(std::move(body));
    representation->etag = etag_of(id, target.name);
    representation->content_type = std::string(media_type_of(target.format));
    representation->varies_by_accept = target.negotiated;
    cache_.store(target.object_key, generation, *representation->body, representation->etag);
    return std::shared_ptr<const Representation>(std::move(representation));
  };
  if (auto stored = store_.get(target.object_key)) {
    deliveries_.with({"store"}).increment();
    return make(std::move(*stored));
  }
  if (target.original) {
    throw platform::Error(platform::ErrorKind::unavailable, "original-missing",
                          "the stored picture " + std::string(id) + " cannot be found");
  }
  // Waiters share the bytes, not the representation: whether it varies by
  // Accept is each request's own (one may name the format, another not).
  return make(flights_.run(target.object_key, [&] {
    // Another replica, or the flight before this one, may have made it.
    if (auto stored = store_.get(target.object_key)) return std::move(*stored);
    const auto original = store_.get(original_key(id));
    if (!original) {
      throw platform::Error(platform::ErrorKind::unavailable, "original-missing",
                            "the stored picture " + std::string(id) + " cannot be found");
    }
    std::string rendered;
    {
      const auto slot = acquire_render_slot();
      const auto started = std::chrono::steady_clock::now();
      rendered = render_variant(*original, target.variant, target.format);
      render_seconds_.with({"variant"})
          .observe(
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    store_.put(target.object_key, rendered);
    deliveries_.with({"rendered"}).increment();
    return rendered;
  }));
}

std::shared_ptr<const Representation> ImagesService::picture(
    std::string_view id, const std::vector<std::pair<std::string, std::string>>& query,
    std::string_view accept) {
  const auto traits = is_image_id(id) ? traits_of(id) : std::nullopt;
  if (!traits) throw platform::not_found("image-not-found", "no image has this id");
  const auto target = target_of(id, *traits, query, accept);
  if (auto hit = cached(target)) {
    deliveries_.with({"memory"}).increment();
    return hit;
  }
  return load_or_render(id, target);
}

std::shared_ptr<const Representation> ImagesService::cached_picture(
    std::string_view id, const std::vector<std::pair<std::string, std::string>>& query,
    std::string_view accept) const {
  const auto traits = known_traits(id);
  if (!traits) return nullptr;
  auto hit = cached(target_of(id, *traits, query, accept));
  if (hit) deliveries_.with({"memory"}).increment();
  return hit;
}

platform::http::Router ImagesService::routes() {
  platform::http::Router router;
  router.use_token_verifier(verifier_);
  add_image_routes(router, *this);
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(router, registry_,
                                         {{"database", [this] { return database_.ping(); }}});
  return router;
}

}  // namespace images
