// The images service as its own process (distributed mode): PostgreSQL or
// SQLite for what is known of each picture, S3 or a directory for the
// pictures, configured by environment variables (see --help).
#include "images_service.h"
#include "platform/config.h"
#include "platform/db/database_settings.h"
#include "platform/http/authorization.h"
#include "platform/http/server_settings.h"
#include "platform/log.h"
#include "platform/storage/open_object_store.h"
#include "processing/vips_runtime.h"

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "images",
                          "Product pictures: uploads, and variants at the size and format each "
                          "screen needs, made on first request and kept.");
  const auto server_options = platform::http::read_server_options(config, "IMAGES", "images", 8088);
  const auto database_settings = platform::db::read_database_settings(config, "IMAGES", "images");
  const auto store_settings =
      platform::storage::read_object_store_settings(config, "IMAGES", "data/images");
  const auto token_verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  images::ImagesServiceOptions options;
  options.max_upload_bytes = static_cast<std::size_t>(config.integer(
      "IMAGES_MAX_UPLOAD_BYTES", 25 << 20, "Largest upload accepted", 1024, 512 << 20));
  options.limits.max_pixels = static_cast<std::uint64_t>(
      config.integer("IMAGES_MAX_PIXELS", 50'000'000,
                     "Largest picture accepted, in pixels (decompression bombs stop here)",
                     1'000'000, 500'000'000));
  options.max_concurrent_renders = static_cast<int>(config.integer(
      "IMAGES_MAX_CONCURRENT_RENDERS", 2,
      "Pictures decoded and encoded at once: with IMAGES_VIPS_THREADS, bounds memory", 1, 64));
  const auto vips_threads = static_cast<int>(
      config.integer("IMAGES_VIPS_THREADS", 1, "libvips worker threads per render", 1, 64));
  options.cache_max_bytes = static_cast<std::size_t>(
      config.integer("IMAGES_CACHE_BYTES", 64 << 20, "Hot pictures kept in memory; 0 turns it off",
                     0, std::int64_t{16} << 30));
  options.url_signing_key =
      config.text("IMAGES_URL_SIGNING_KEY", "",
                  "Secret of HMAC-signed URLs for sizes outside the presets; empty: none");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("images");
  platform::log::set_level(log_level);

  try {
    images::start_vips(vips_threads);
    auto database = platform::db::open_database(database_settings.url, database_settings.options);
    images::ImagesService::migrate(*database);
    auto store = platform::storage::open_object_store(store_settings);
    platform::metrics::Registry registry;
    images::ImagesService service(*database, *store, registry,
                                  platform::http::make_token_verifier(token_verification), options);
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("images failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
