// The whole shop in one process (embedded mode): every service on SQLite
// files under SHOP_DATA_DIR and an event bus in a SQLite file of its own,
// behind one port.
// The code of each service is the same library its own executable links.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "auth_service.h"
#include "cart_service.h"
#include "catalog_service.h"
#include "customers_service.h"
#include "demo/demo_catalog.h"
#include "demo_pictures.h"
#include "gateway.h"
#include "images_service.h"
#include "lifetime_settings.h"
#include "orders_service.h"
#include "payments_service.h"
#include "platform/bus/backlog_gauges.h"
#include "platform/bus/database_bus.h"
#include "platform/config.h"
#include "platform/crypto.h"
#include "platform/http/health.h"
#include "platform/http/json_response.h"
#include "platform/http/server_settings.h"
#include "platform/http/service_token.h"
#include "platform/kv/key_value_store.h"
#include "platform/log.h"
#include "platform/storage/filesystem_object_store.h"
#include "processing/vips_runtime.h"
#include "recommendations_service.h"
#include "saga/remote_participants.h"
#include "search_service.h"
#include "search_settings.h"
#include "service_hosts.h"

namespace {

// GET / while there is no built web app: where everything is.
platform::http::Response shop_index(platform::http::Request&) {
  boost::json::object services{{"catalog", "/api/catalog/v1/products"},
                               {"auth", "/api/auth/.well-known/openid-configuration"},
                               {"customers", "/api/customers/v1/customers/me"},
                               {"payments", "/api/payments/v1/payment-methods"},
                               {"orders", "/api/orders/v1/orders"},
                               {"cart", "/api/cart/v1/cart"},
                               {"search", "/api/search/v1/search?q=lamp"},
                               {"images", "/api/images/v1/images/{id}?preset=card"}};
  return platform::http::json_response(
      200, boost::json::object{
               {"name", "shop"}, {"mode", "embedded"}, {"services", std::move(services)}});
}

// The key that seals the auth service's signing keys: made on first start and
// kept next to the databases, readable by the owner only.
std::string sealing_key(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) {
    std::ifstream in(file, std::ios::binary);
    std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (key.size() != 32) throw std::runtime_error(file.string() + " is not a 32-byte key");
    return key;
  }
  const auto key = platform::crypto::random_bytes(32);
  {
    std::ofstream out(file, std::ios::binary);
    out.write(key.data(), static_cast<std::streamsize>(key.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }
  ::chmod(file.c_str(), 0600);
  return key;
}

// The storefront and admin web app: a browser client, so public with PKCE.
auth::RegisteredClient storefront_client(const std::string& public_url) {
  auth::RegisteredClient client;
  client.id = "storefront";
  client.name = "Shop";
  client.redirect_uris = {public_url + "/callback", "http://localhost:5173/callback"};
  client.post_logout_redirect_uris = {public_url + "/", "http://localhost:5173/"};
  client.grant_types = {"authorization_code", "refresh_token"};
  client.scopes = auth::Scopes::of({"openid", "profile", "email", "offline_access"});
  return client;
}

// A service of the shop that calls others as itself (client credentials),
// with a secret made at each start: nothing outside the process needs it.
struct ServiceClient {
  std::string id;
  std::string secret;
};

ServiceClient register_service_client(auth::AuthService& auth_service, const std::string& id,
                                      std::vector<std::string> scopes) {
  auth::RegisteredClient client;
  client.id = id;
  client.name = id + " service";
  client.grant_types = {"client_credentials"};
  client.scopes = auth::Scopes::of(std::move(scopes));
  ServiceClient registered{id,
                           platform::crypto::base64url_encode(platform::crypto::random_bytes(32))};
  auth_service.provider().register_client(client, registered.secret);
  return registered;
}

}  // namespace

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "shop", "The whole shop in one process, with demo data.");
  auto server_options = platform::http::read_server_options(config, "SHOP", "shop", 8080);
  const std::filesystem::path data =
      config.text("SHOP_DATA_DIR", "data", "where the SQLite files live");
  const auto public_url = config.text("SHOP_PUBLIC_URL", "http://localhost:8080",
                                      "the address browsers reach the shop at");
  const auto admin_email =
      config.text("SHOP_ADMIN_EMAIL", "admin@shop.local", "the admin account made at first start");
  const auto admin_password =
      config.text("SHOP_ADMIN_PASSWORD", "open sesame shop demo",
                  "its password; the default is for trying the shop on your own machine");
  catalog::CatalogOptions catalog_options;
  catalog_options.cache_ttl =
      config.milliseconds("CATALOG_CACHE_TTL_MS", catalog_options.cache_ttl,
                          "how long catalog reads may be served from memory; 0 disables");
  const bool seed = config.flag("SHOP_SEED_DEMO", true, "fill an empty shop with the demo catalog");
  const auto demo_picture_size = static_cast<int>(
      config.integer("SHOP_DEMO_PICTURE_SIZE", 800,
                     "width and height of the pictures drawn for demo products", 64, 4096));
  const auto web_root = config.text("SHOP_WEB_ROOT", "web/dist", "the built web app to serve");
  const auto rate_limit = config.integer("SHOP_RATE_LIMIT", 100,
                                         "requests per second one client may make (burst: twice "
                                         "that); 0 turns rate limiting off",
                                         0, 1'000'000);
  // The services' own loopback ports, for looking at one service alone.
  struct {
    int auth, catalog, customers, payments, orders, cart, search, images, recommendations;
  } ports{};
  ports.auth = static_cast<int>(config.integer(
      "SHOP_AUTH_PORT", 0, "the auth service's own port (0: any free one)", 0, 65535));
  ports.catalog = static_cast<int>(
      config.integer("SHOP_CATALOG_PORT", 0, "the catalog's own port (0: any free one)", 0, 65535));
  ports.customers = static_cast<int>(config.integer(
      "SHOP_CUSTOMERS_PORT", 0, "the customers service's own port (0: any free one)", 0, 65535));
  ports.payments = static_cast<int>(config.integer(
      "SHOP_PAYMENTS_PORT", 0, "the payments service's own port (0: any free one)", 0, 65535));
  ports.orders = static_cast<int>(config.integer(
      "SHOP_ORDERS_PORT", 0, "the orders service's own port (0: any free one)", 0, 65535));
  ports.cart = static_cast<int>(config.integer(
      "SHOP_CART_PORT", 0, "the cart service's own port (0: any free one)", 0, 65535));
  ports.search = static_cast<int>(config.integer(
      "SHOP_SEARCH_PORT", 0, "the search service's own port (0: any free one)", 0, 65535));
  ports.images = static_cast<int>(config.integer(
      "SHOP_IMAGES_PORT", 0, "the images service's own port (0: any free one)", 0, 65535));
  ports.recommendations = static_cast<int>(
      config.integer("SHOP_RECOMMENDATIONS_PORT", 0,
                     "the recommendations service's own port (0: any free one)", 0, 65535));
  auto search_options = search::read_search_options(config, (data / "search").string());
  const auto search_synonyms = search::read_synonyms(config);
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("shop");
  platform::log::set_level(log_level);

  try {
    std::filesystem::create_directories(data);
    platform::metrics::Registry registry;
    // Events survive a crash of the shop: the bus keeps them in its own file.
    auto bus_database = platform::db::open_database("sqlite:" + (data / "bus.db").string());
    platform::bus::DatabaseBus bus(*bus_database);

    auto auth_database = platform::db::open_database("sqlite:" + (data / "auth.db").string());
    auth::AuthService::migrate(*auth_database);
    auth::AuthOptions auth_options;
    auth_options.provider.issuer = public_url + "/api/auth";
    auth::read_lifetime_settings(config, auth_options);
    auth_options.keys.encryption_key = sealing_key(data / "auth-sealing.key");
    auth::AuthService auth_service(*auth_database, bus, registry, auth_options);
    auth_service.provider().ensure_admin(admin_email, admin_password);
    auth_service.provider().register_client(storefront_client(public_url), std::nullopt);

    // Services in this process read the signing keys straight from auth.
    platform::auth::VerifierOptions verifier_options;
    verifier_options.issuer = auth_options.provider.issuer;
    verifier_options.audience = auth_options.provider.audience;
    const auto verifier = std::make_shared<const platform::auth::TokenVerifier>(
        verifier_options, [&auth_service] { return auth_service.jwks(); });

    auto catalog_database = platform::db::open_database("sqlite:" + (data / "catalog.db").string());
    catalog::CatalogService::migrate(*catalog_database);
    catalog::CatalogService catalog_service(*catalog_database, bus, registry, verifier,
                                            catalog_options);
    if (seed) {
      const int created = catalog::seed_demo_catalog(catalog_service.store());
      if (created > 0) platform::log::info("demo catalog seeded", {{"products", created}});
    }

    // Pictures in a directory where S3 would keep them.
    images::start_vips(1);
    auto images_database = platform::db::open_database("sqlite:" + (data / "images.db").string());
    images::ImagesService::migrate(*images_database);
    platform::storage::FilesystemObjectStore images_store(data / "images");
    images::ImagesService images_service(*images_database, images_store, registry, verifier, {});

    auto customers_database =
        platform::db::open_database("sqlite:" + (data / "customers.db").string());
    customers::CustomersService::migrate(*customers_database);
    customers::CustomersService customers_service(*customers_database, bus, registry, verifier);

    auto payments_database =
        platform::db::open_database("sqlite:" + (data / "payments.db").string());
    payments::PaymentsService::migrate(*payments_database);
    payments::PaymentsService payments_service(*payments_database, registry, verifier);

    // Each service on a loopback port of its own, as it would run alone;
    // the gateway in front of them on the shop's port, as in distributed
    // mode (static discovery instead of DNS).
    ServiceHosts hosts(registry);
    hosts.add("auth", auth_service.routes(), gateway::EdgeAuth::none, ports.auth);
    hosts.add("catalog", catalog_service.routes(), gateway::EdgeAuth::optional, ports.catalog,
              64 << 20);  // bulk imports
    hosts.add("customers", customers_service.routes(), gateway::EdgeAuth::required,
              ports.customers);
    hosts.add("payments", payments_service.routes(), gateway::EdgeAuth::required, ports.payments);
    hosts.add("images", images_service.routes(), gateway::EdgeAuth::optional, ports.images,
              images_service.options().max_upload_bytes + (1 << 20));  // form overhead

    // Orders calls the catalog and payments over HTTP as itself, as it does
    // when it runs alone.
    const auto orders_client = register_service_client(auth_service, "orders",
                                                       {"catalog.reservations", "payments.charge"});
    platform::http::ServiceTokenSource orders_tokens({hosts.url_of("auth") + "/oauth2/token",
                                                      orders_client.id, orders_client.secret,
                                                      "catalog.reservations payments.charge"});
    platform::http::Client orders_calls;
    orders::ParticipantEndpoints orders_endpoints;
    orders_endpoints.catalog_url = hosts.url_of("catalog");
    orders_endpoints.payments_url = hosts.url_of("payments");
    orders::RemoteParticipants orders_participants(orders_endpoints, orders_calls, orders_tokens);
    auto orders_database = platform::db::open_database("sqlite:" + (data / "orders.db").string());
    orders::OrdersService::migrate(*orders_database);
    orders::OrdersService orders_service(*orders_database, bus, registry, verifier,
                                         orders_participants);
    hosts.add("orders", orders_service.routes(), gateway::EdgeAuth::required, ports.orders);

    // The cart prices against the catalog and places orders as the client
    // "cart"; carts live in a SQLite file where Redis would hold them.
    const auto cart_client = register_service_client(auth_service, "cart", {"orders.place"});
    platform::http::ServiceTokenSource cart_tokens({hosts.url_of("auth") + "/oauth2/token",
                                                    cart_client.id, cart_client.secret,
                                                    "orders.place"});
    platform::http::Client cart_calls;
    cart::CatalogProducts cart_catalog(hosts.url_of("catalog"), cart_calls);
    cart::OrdersClient cart_orders(hosts.url_of("orders"), cart_calls, cart_tokens);
    auto cart_store = platform::kv::open_key_value_store("sqlite:" + (data / "cart.db").string());
    cart::CartService cart_service(*cart_store, bus, registry, verifier, cart_catalog, cart_orders);
    hosts.add("cart", cart_service.routes(), gateway::EdgeAuth::optional, ports.cart);

    // Search keeps its own index, fed by the catalog's events on the bus,
    // and reads the catalog over HTTP to build it when it is new.
    search_options.consumer_name = "search";
    search_options.catalog_url = hosts.url_of("catalog");
    platform::http::Client search_calls;
    search::SearchService search_service(bus, registry, verifier, search_synonyms, search_options,
                                         search_calls);
    hosts.add("search", search_service.routes(), gateway::EdgeAuth::optional, ports.search);

    // Recommendations learn from the orders, carts and views on the bus
    // and keep their interaction log in a SQLite file of their own.
    auto recommendations_database =
        platform::db::open_database("sqlite:" + (data / "recommendations.db").string());
    recommendations::RecommendationsService::migrate(*recommendations_database);
    recommendations::RecommendationsService recommendations_service(*recommendations_database, bus,
                                                                    registry, verifier, {});
    hosts.add("recommendations", recommendations_service.routes(), gateway::EdgeAuth::optional,
              ports.recommendations);
    // The hosts outlive the services declared after them: stop serving
    // before those go, however this scope is left.
    struct StopHosts {
      ServiceHosts& hosts;
      ~StopHosts() { hosts.stop(); }
    } stop_hosts{hosts};
    if (web_root.empty() || !std::filesystem::exists(web_root)) {
      platform::http::Router index;
      index.get("/", shop_index, platform::http::inline_route());
      hosts.add_root(std::move(index));
    }
    auto gateway_config = hosts.gateway_config();
    gateway_config.web_root = web_root;
    gateway_config.access_log = server_options.access_log;
    gateway_config.cors_allowed_origins = server_options.cors_allowed_origins;
    gateway_config.rate_limits = rate_limit > 0;
    gateway_config.per_client = {static_cast<double>(rate_limit),
                                 2.0 * static_cast<double>(rate_limit)};
    gateway::ListenOptions listen;
    listen.address = server_options.address;
    listen.port = server_options.port;
    listen.io_threads = server_options.io_threads;
    platform::bus::BacklogGauges backlog_gauges(bus, registry);
    gateway::Gateway gateway(std::move(gateway_config), listen, registry, verifier);
    gateway.start();
    // Drawing a few hundred pictures takes a while on a small machine: the
    // shop opens at once and products get theirs as they are drawn.
    std::jthread demo_painter;
    if (seed) {
      demo_painter = std::jthread([&](std::stop_token stop) {
        try {
          const int pictured = picture_demo_products(catalog_service.store(), images_service,
                                                     demo_picture_size, stop);
          platform::log::info("demo pictures checked", {{"drawn", pictured}});
        } catch (const std::exception& error) {
          platform::log::error("demo pictures failed", {{"error", error.what()}});
        }
      });
    }
    const char* signal = signals.wait();
    platform::log::info("shutting down", {{"signal", signal}});
    demo_painter.request_stop();
    if (demo_painter.joinable()) demo_painter.join();
    gateway.stop(std::chrono::seconds(10));
    hosts.stop();
  } catch (const std::exception& exception) {
    platform::log::error("shop failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
