// The cart service as its own process (distributed mode): Redis (or SQLite),
// NATS JetStream, the catalog and the orders service over HTTP, configured
// by environment variables (see --help).

#include "cart_service.h"
#include "platform/bus/open_event_bus.h"
#include "platform/config.h"
#include "platform/files.h"
#include "platform/http/authorization.h"
#include "platform/http/server_settings.h"
#include "platform/http/service_token.h"
#include "platform/log.h"

namespace {}  // namespace

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "cart",
                          "Carts, quotes with tax, shipping and coupons, and checkout.");
  const auto server_options = platform::http::read_server_options(config, "CART", "cart", 8086);
  const auto store_url = config.text("CART_STORE_URL", "sqlite:cart.db",
                                     "redis://host:port[/db] or sqlite:path: where carts live");
  const auto bus_url = config.text(
      "CART_NATS_URL", "", "NATS JetStream URL; empty runs an in-process bus (development only)");
  const auto catalog_url =
      config.text("CART_CATALOG_URL", "http://localhost:8081", "the catalog's base URL");
  const auto orders_url =
      config.text("CART_ORDERS_URL", "http://localhost:8084", "the orders service's base URL");
  const auto coupons_file = config.text(
      "CART_COUPONS_FILE", "", "the shop's coupons as JSON (see coupons.json); empty: the demo's");
  cart::CartOptions options;
  options.lifetimes.guest = config.milliseconds("CART_GUEST_TTL_MS", options.lifetimes.guest,
                                                "how long a guest cart lives untouched");
  options.lifetimes.customer =
      config.milliseconds("CART_CUSTOMER_TTL_MS", options.lifetimes.customer,
                          "how long a customer's cart lives untouched");
  const auto call_timeout =
      config.milliseconds("CART_CALL_TIMEOUT_MS", std::chrono::milliseconds(10000),
                          "the longest a call to the catalog or to orders may take");
  options.checkout.claim = config.milliseconds(
      "CART_CHECKOUT_CLAIM_MS", options.checkout.claim,
      "how long a checkout holds its key before a retry may take over (after a crash)");
  const auto token_verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  const auto credentials = platform::http::read_service_credentials(
      config, "CART", "cart", token_verification.options.issuer, "orders.place");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("cart");
  platform::log::set_level(log_level);
  // A checkout (a catalog call, an orders call, a few store writes) must
  // end before another request may take its key over; versioned writes keep
  // even a late one harmless, but it would answer an error for an order that
  // exists.
  if (call_timeout * 2 + std::chrono::seconds(10) >= options.checkout.claim) {
    platform::log::error("CART_CHECKOUT_CLAIM_MS must exceed 2 x CART_CALL_TIMEOUT_MS + 10 s");
    return 1;
  }

  try {
    if (!coupons_file.empty())
      options.coupons = cart::CouponBook::from_json(platform::read_file(coupons_file));
    auto store = platform::kv::open_key_value_store(store_url);
    auto bus = platform::bus::open_event_bus(bus_url, "cart");
    platform::metrics::Registry registry;
    platform::http::ClientOptions client_options;
    client_options.registry = &registry;
    platform::http::Client client(client_options);
    platform::http::ServiceTokenSource tokens(credentials);
    cart::CatalogProducts catalog(catalog_url, client, call_timeout);
    cart::OrdersClient orders(orders_url, client, tokens, call_timeout);
    cart::CartService service(*store, *bus, registry,
                              platform::http::make_token_verifier(token_verification), catalog,
                              orders, std::move(options));
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("cart failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
