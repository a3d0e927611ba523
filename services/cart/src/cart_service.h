#pragma once

#include <memory>
#include <vector>

#include "catalog/catalog_products.h"
#include "checkout/cart_pricing.h"
#include "checkout/checkout.h"
#include "checkout/orders_client.h"
#include "domain/coupon_book.h"
#include "events/cart_events.h"
#include "platform/auth/token_verifier.h"
#include "platform/bus/event_bus.h"
#include "platform/embedded_file.h"
#include "platform/http/router.h"
#include "platform/kv/key_value_store.h"
#include "platform/metrics.h"
#include "store/cart_store.h"
#include "store/coupon_usage.h"

namespace cart {

// The OpenAPI document (compiled in from openapi.yaml), served at /openapi.yaml.
std::vector<platform::EmbeddedFile> openapi_document();
// The demo shop's coupons (compiled in from coupons.json).
std::vector<platform::EmbeddedFile> demo_coupon_document();
CouponBook demo_coupons();

struct CartOptions {
  CartLifetimes lifetimes;
  CheckoutSettings checkout;
  CouponBook coupons = demo_coupons();
};

// The cart service as one object: carts and coupon counts in the key-value
// store, pricing against the catalog, checkout through the orders service.
// Hosted by its own executable and by apps/shop, both giving it a store, a
// bus, and clients of the catalog and of orders.
class CartService {
 public:
  CartService(platform::kv::KeyValueStore& store, platform::bus::EventBus& bus,
              platform::metrics::Registry& registry,
              std::shared_ptr<const platform::auth::TokenVerifier> verifier,
              CatalogProducts& catalog, OrdersClient& orders, CartOptions options = {});
  CartService(const CartService&) = delete;
  CartService& operator=(const CartService&) = delete;

  // The API plus /healthz, /readyz, /metrics and /openapi.yaml.
  platform::http::Router routes();

 private:
  platform::kv::KeyValueStore& store_;
  platform::bus::EventBus& bus_;
  platform::metrics::Registry& registry_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
  CatalogProducts& catalog_;
  CartOptions options_;
  CartStore carts_;
  CouponUsage usage_;
  CartPricing pricing_;
  Checkout checkout_;
  CartEvents events_;
};

}  // namespace cart
