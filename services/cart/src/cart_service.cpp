#include "cart_service.h"

#include "api/routes.h"
#include "platform/http/health.h"

namespace cart {

CouponBook demo_coupons() { return CouponBook::from_json(demo_coupon_document().front().content); }

CartService::CartService(platform::kv::KeyValueStore& store, platform::bus::EventBus& bus,
                         platform::metrics::Registry& registry,
                         std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                         CatalogProducts& catalog, OrdersClient& orders, CartOptions options)
    : store_(store),
      bus_(bus),
      registry_(registry),
      verifier_(std::move(verifier)),
      catalog_(catalog),
      options_(std::move(options)),
      carts_(store, options_.lifetimes),
      usage_(store),
      pricing_(carts_, catalog_, options_.coupons, usage_, default_tax_table(),
               default_shipping_table()),
      checkout_(store, carts_, pricing_, usage_, orders, options_.checkout),
      events_(bus, registry) {}

platform::http::Router CartService::routes() {
  platform::http::Router router;
  router.use_token_verifier(verifier_);
  const ApiContext context{carts_,  catalog_,         pricing_, checkout_,
                           events_, options_.coupons, usage_,   options_.lifetimes};
  add_cart_routes(router, context);
  add_checkout_routes(router, context);
  platform::http::add_openapi_route(router, std::string(openapi_document().front().content));
  platform::http::add_operational_routes(
      router, registry_,
      {{"store", [this] { return store_.ping(); }}, {"bus", [this] { return bus_.ping(); }}});
  return router;
}

}  // namespace cart
