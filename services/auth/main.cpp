// The auth service as its own process (distributed mode): the OpenID
// provider on PostgreSQL (or SQLite) and NATS JetStream, configured by
// environment variables (see --help).
#include <sstream>

#include "auth_service.h"
#include "client_config.h"
#include "lifetime_settings.h"
#include "platform/bus/backlog_gauges.h"
#include "platform/bus/open_event_bus.h"
#include "platform/config.h"
#include "platform/crypto.h"
#include "platform/db/database_settings.h"
#include "platform/files.h"
#include "platform/http/server_settings.h"
#include "platform/log.h"

namespace {

constexpr const char* kDefaultAdminPassword = "change-me";

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

}  // namespace

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "auth",
                          "OpenID Connect provider: users, clients, tokens and signing keys.");
  const auto server_options = platform::http::read_server_options(config, "AUTH", "auth", 8082);
  const auto database_settings = platform::db::read_database_settings(config, "AUTH", "auth");
  const auto bus_url = config.text(
      "AUTH_NATS_URL", "", "NATS JetStream URL; empty runs an in-process bus (development only)");

  auth::AuthOptions options;
  auto& provider = options.provider;
  provider.issuer =
      config.text("AUTH_ISSUER", provider.issuer,
                  "the issuer URL clients reach the provider at (through the gateway)");
  provider.audience =
      config.text("AUTH_AUDIENCE", provider.audience, "the audience of access tokens");
  auth::read_lifetime_settings(config, options);

  provider.sign_up_throttle.allowed_failures = static_cast<int>(config.integer(
      "AUTH_SIGN_UPS_PER_ADDRESS", provider.sign_up_throttle.allowed_failures,
      "accounts one network address may create an hour (load tests raise it)", 1, 1'000'000));

  const auto algorithm_name = config.text("AUTH_SIGNING_ALGORITHM", "RS256", "RS256 or ES256");
  if (auto algorithm = platform::auth::algorithm_named(algorithm_name)) {
    options.keys.algorithm = *algorithm;
  } else {
    config.reject("AUTH_SIGNING_ALGORITHM", algorithm_name, "expected ES256 or RS256");
  }
  options.keys.rotation = std::chrono::seconds(
      config.integer("AUTH_KEY_ROTATION_SECONDS", 30LL * 24 * 3600,
                     "how long one signing key signs", 120, 365LL * 24 * 3600));
  options.keys.announce_ahead =
      std::min<std::chrono::milliseconds>(std::chrono::hours(1), options.keys.rotation / 2);
  const auto sealing_key = config.text(
      "AUTH_KEY_ENCRYPTION_KEY", "",
      "32 random bytes, base64: seals the private signing keys in the database (required)");
  if (auto decoded = platform::crypto::base64_decode(sealing_key);
      decoded && decoded->size() == 32) {
    options.keys.encryption_key = *decoded;
  } else {
    config.reject("AUTH_KEY_ENCRYPTION_KEY", sealing_key.empty() ? "(unset)" : "(hidden)",
                  "must be 32 bytes in base64 (openssl rand -base64 32)");
  }

  options.argon2.memory_kib =
      static_cast<std::uint32_t>(config.integer("AUTH_ARGON2_MEMORY_KIB", options.argon2.memory_kib,
                                                "Argon2id memory per hash", 1024, 1024 * 1024));
  options.argon2.iterations = static_cast<std::uint32_t>(config.integer(
      "AUTH_ARGON2_ITERATIONS", options.argon2.iterations, "Argon2id passes", 1, 20));
  options.concurrent_hashes = static_cast<int>(config.integer(
      "AUTH_CONCURRENT_HASHES", options.concurrent_hashes,
      "password hashes computed at once (each takes AUTH_ARGON2_MEMORY_KIB)", 1, 64));
  options.trusted_proxies = split_list(config.text(
      "AUTH_TRUSTED_PROXIES", "", "comma-separated peer IPs whose X-Forwarded-For is believed"));

  const auto admin_email = config.text("AUTH_ADMIN_EMAIL", "admin@shop.local",
                                       "the admin account created at first start");
  const auto admin_password = config.text("AUTH_ADMIN_PASSWORD", kDefaultAdminPassword,
                                          "its password (the default is refused)");
  if (admin_password == kDefaultAdminPassword) {
    config.reject("AUTH_ADMIN_PASSWORD", "(default)",
                  "set a password of your own: the default is public knowledge");
  }
  const auto clients_file =
      config.text("AUTH_CLIENTS_FILE", "", "JSON array of clients to register at start");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("auth");
  platform::log::set_level(log_level);

  try {
    auto database = platform::db::open_database(database_settings.url, database_settings.options);
    auth::AuthService::migrate(*database);
    auto bus = platform::bus::open_event_bus(bus_url, "auth");
    platform::metrics::Registry registry;
    auth::AuthService service(*database, *bus, registry, options);
    service.provider().ensure_admin(admin_email, admin_password);
    if (!clients_file.empty()) {
      for (const auto& configured : auth::parse_client_list(platform::read_file(clients_file))) {
        service.provider().register_client(configured.client, configured.secret);
      }
    }
    platform::bus::BacklogGauges backlog_gauges(*bus, registry);
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("auth failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
