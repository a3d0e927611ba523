#include "distributed_shop.h"

#include <fstream>
#include <stdexcept>

#include "platform/crypto.h"
#include "platform/testing/browser.h"
#include "platform/testing/environment.h"

namespace shop::testing {

namespace {

using namespace std::chrono_literals;

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream file(path);
  file << content;
  if (!file) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

bool DistributedShop::infrastructure_configured() {
  return platform::testing::postgres_admin_url() && platform::testing::redis_url() &&
         platform::testing::nats_url();
}

DistributedShop::DistributedShop(const std::filesystem::path& directory, Options options)
    : directory_(directory) {
  if (!infrastructure_configured()) {
    throw std::runtime_error("PostgreSQL, Redis and NATS are not configured (SHOP_TEST_*)");
  }
  for (const auto* service : {"auth", "catalog", "customers", "payments", "orders", "cart",
                              "search", "images", "recommendations"}) {
    ports_[service] = platform::testing::free_port();
  }
  ports_["gateway"] =
      options.gateway_port > 0 ? options.gateway_port : platform::testing::free_port();
  gateway_url_ = "http://127.0.0.1:" + std::to_string(ports_["gateway"]);
  const auto public_url = options.public_url.empty() ? gateway_url_ : options.public_url;
  std::string redirect_uris = '"' + gateway_url_ + "/callback\"";
  if (public_url != gateway_url_) redirect_uris += ", \"" + public_url + "/callback\"";
  const auto auth_url = service_url("auth");
  const auto orders_secret = platform::crypto::random_token(24);
  const auto cart_secret = platform::crypto::random_token(24);

  const auto clients = directory_ / "clients.json";
  write_file(clients, R"([
    {"id": "storefront", "name": "Shop", "redirect_uris": [)" +
                          redirect_uris + R"(],
     "grant_types": ["authorization_code", "refresh_token"],
     "scopes": ["openid", "profile", "email", "offline_access"]},
    {"id": "orders", "name": "orders service", "grant_types": ["client_credentials"],
     "scopes": ["catalog.reservations", "payments.charge"], "secret": ")" +
                          orders_secret + R"("},
    {"id": "cart", "name": "cart service", "grant_types": ["client_credentials"],
     "scopes": ["orders.place"], "secret": ")" +
                          cart_secret + R"("}])");

  // What every service verifies tokens with.
  const std::map<std::string, std::string> verification{
      {"AUTH_ISSUER", public_url + "/api/auth"},
      {"AUTH_JWKS_URL", auth_url + "/.well-known/jwks.json"},
      {"AUTH_TOKEN_URL", auth_url + "/oauth2/token"},
      {"LOG_LEVEL", "warn"}};
  const auto nats = *platform::testing::nats_url();

  auto auth = verification;
  auth["AUTH_NATS_URL"] = nats;
  auth["AUTH_CLIENTS_FILE"] = clients.string();
  auth["AUTH_KEY_ENCRYPTION_KEY"] =
      platform::crypto::base64_encode(platform::crypto::random_bytes(32));
  auth["AUTH_ADMIN_EMAIL"] = kAdminEmail;
  auth["AUTH_ADMIN_PASSWORD"] = kAdminPassword;
  // Every test shopper signs up from 127.0.0.1.
  auth["AUTH_SIGN_UPS_PER_ADDRESS"] = "100000";
  if (options.argon2_memory_kib > 0) {
    auth["AUTH_ARGON2_MEMORY_KIB"] = std::to_string(options.argon2_memory_kib);
  }
  start("auth", AUTH_BINARY, auth);

  for (const auto* service : {"catalog", "customers", "payments"}) {
    auto environment = verification;
    environment[upper(service) + "_NATS_URL"] = nats;
    if (service == std::string("catalog") && options.seed_demo) {
      environment["CATALOG_SEED_DEMO"] = "true";
    }
    start(service,
          service == std::string("catalog")     ? CATALOG_BINARY
          : service == std::string("customers") ? CUSTOMERS_BINARY
                                                : PAYMENTS_BINARY,
          environment);
  }

  auto orders = verification;
  orders["ORDERS_NATS_URL"] = nats;
  orders["ORDERS_CATALOG_URL"] = service_url("catalog");
  orders["ORDERS_PAYMENTS_URL"] = service_url("payments");
  orders["ORDERS_CLIENT_SECRET"] = orders_secret;
  start("orders", ORDERS_BINARY, orders);

  auto cart = verification;
  cart["CART_NATS_URL"] = nats;
  cart["CART_STORE_URL"] = *platform::testing::redis_url();
  cart["CART_CATALOG_URL"] = service_url("catalog");
  cart["CART_ORDERS_URL"] = service_url("orders");
  cart["CART_CLIENT_SECRET"] = cart_secret;
  start("cart", CART_BINARY, cart);

  auto search = verification;
  search["SEARCH_NATS_URL"] = nats;
  search["SEARCH_CATALOG_URL"] = service_url("catalog");
  search["SEARCH_INDEX_DIR"] = (directory_ / "search-index").string();
  search["SEARCH_CONSUMER_NAME"] = "search-" + platform::crypto::random_token(6);
  start("search", SEARCH_BINARY, search);

  auto images = verification;
  if (platform::testing::object_store_tools_installed()) {
    s3_ = std::make_unique<platform::testing::S3Server>();
    const auto s3 = s3_->settings();
    images["IMAGES_STORE"] = "s3";
    images["IMAGES_S3_ENDPOINT"] = s3.endpoint;
    images["IMAGES_S3_BUCKET"] = s3.bucket;
    images["IMAGES_S3_ACCESS_KEY_ID"] = s3.credentials.access_key_id;
    images["IMAGES_S3_SECRET_ACCESS_KEY"] = s3.credentials.secret_access_key;
  } else {
    images["IMAGES_STORE"] = "file:" + (directory_ / "images").string();
  }
  start("images", IMAGES_BINARY, images);

  auto recommendations = verification;
  recommendations["RECOMMENDATIONS_NATS_URL"] = nats;
  // Consumers of each shop's own, reading what this shop's run publishes:
  // the NATS server, and its stream, are shared by every test.
  recommendations["RECOMMENDATIONS_CONSUMER_NAME"] =
      "recommendations-" + platform::crypto::random_token(6);
  recommendations["RECOMMENDATIONS_CONSUMERS_START"] = "now";
  start("recommendations", RECOMMENDATIONS_BINARY, recommendations);

  std::string upstreams, routes;
  for (const auto& [service, port] : ports_) {
    if (service == "gateway") continue;
    upstreams += std::string(upstreams.empty() ? "" : ",") + R"({"name": ")" + service +
                 R"(", "static": ["127.0.0.1:)" + std::to_string(port) + R"("]})";
    const auto access = service == "auth" ? "none"
                        : service == "orders" || service == "payments" || service == "customers"
                            ? "required"
                            : "optional";
    // Uploads of pictures are larger than any other body.
    const auto body_limit = service == "images" ? R"(, "max_body_bytes": 27262976)" : "";
    routes += std::string(routes.empty() ? "" : ",") + R"({"prefix": "/api/)" + service +
              R"(", "upstream": ")" + service + R"(", "auth": ")" + access + R"(")" + body_limit +
              "}";
  }
  const auto gateway_config = directory_ / "gateway.json";
  write_file(gateway_config, R"({"upstreams": [)" + upstreams + R"(], "routes": [)" + routes +
                                 R"(], "rate_limits": {"enabled": false}})");
  auto gateway = verification;
  gateway["GATEWAY_CONFIG_FILE"] = gateway_config.string();
  if (!options.web_root.empty()) gateway["GATEWAY_WEB_ROOT"] = options.web_root.string();
  start("gateway", GATEWAY_BINARY, gateway);
}

DistributedShop::~DistributedShop() {
  // The gateway first, the services in the reverse order of their start;
  // databases last.
  for (const auto* service : {"gateway", "recommendations", "images", "search", "cart", "orders",
                              "payments", "customers", "catalog", "auth"}) {
    if (const auto found = processes_.find(service); found != processes_.end()) {
      found->second->stop(SIGTERM);
    }
  }
  processes_.clear();
  databases_.clear();
}

void DistributedShop::start(const std::string& service, const std::string& binary,
                            std::map<std::string, std::string> environment) {
  const auto prefix = upper(service);
  environment[prefix + "_PORT"] = std::to_string(ports_.at(service));
  environment[prefix + "_ACCESS_LOG"] = "false";
  if (service != "gateway" && service != "cart" && service != "search") {
    auto database =
        platform::testing::open_fresh_database(platform::testing::DatabaseBackend::postgres);
    environment[prefix + "_DATABASE_URL"] = database->url();
    databases_[service] = std::move(database);
  }
  launches_[service] = {binary, std::move(environment)};
  launch(service);
}

void DistributedShop::launch(const std::string& service) {
  const auto& [binary, environment] = launches_.at(service);
  // A log per run: what a test waits for in it is this run's.
  const int run = ++runs_[service];
  const auto log_file =
      directory_ / (service + (run == 1 ? "" : "-" + std::to_string(run)) + ".log");
  auto process = std::make_unique<platform::testing::ChildProcess>(binary, environment, log_file);
  const bool ready = platform::testing::wait_for_http_ok(
      ports_.at(service), service == "gateway" ? "/healthz" : "/readyz", 30s);
  if (!ready) {
    const auto state = process->state();
    processes_[service] = std::move(process);
    throw std::runtime_error(service + " did not start (" + state + "): " + log(service));
  }
  processes_[service] = std::move(process);
}

platform::testing::ChildProcess& DistributedShop::process(const std::string& service) {
  return *processes_.at(service);
}

void DistributedShop::restart(const std::string& service, int signal,
                              const std::map<std::string, std::string>& extra_environment) {
  processes_.at(service)->stop(signal);
  auto& environment = launches_.at(service).environment;
  for (const auto& [name, value] : extra_environment) environment[name] = value;
  launch(service);
}

std::string DistributedShop::service_url(const std::string& service) const {
  return "http://127.0.0.1:" + std::to_string(ports_.at(service));
}

const std::string& DistributedShop::database_url(const std::string& service) const {
  return databases_.at(service)->url();
}

std::string DistributedShop::log(const std::string& service) const {
  const auto found = processes_.find(service);
  return found == processes_.end() ? std::string() : found->second->log();
}

std::string DistributedShop::sign_up(const std::string& email, const std::string& password) {
  return platform::testing::storefront_access_token(
      client_, gateway_url_, "sign-up",
      "name=Shopper&email=" + platform::testing::form_encode(email) +
          "&password=" + platform::testing::form_encode(password));
}

std::string DistributedShop::admin_token() {
  return platform::testing::storefront_access_token(
      client_, gateway_url_, "sign-in",
      "email=" + platform::testing::form_encode(kAdminEmail) +
          "&password=" + platform::testing::form_encode(kAdminPassword));
}

}  // namespace shop::testing
