#pragma once

#include "catalog/catalog_products.h"
#include "checkout/cart_pricing.h"
#include "checkout/checkout.h"
#include "domain/coupon_book.h"
#include "events/cart_events.h"
#include "platform/http/router.h"
#include "store/cart_store.h"
#include "store/coupon_usage.h"

namespace cart {

// What the handlers work with.
struct ApiContext {
  CartStore& carts;
  CatalogProducts& catalog;
  CartPricing& pricing;
  Checkout& checkout;
  CartEvents& events;
  const CouponBook& coupons;
  CouponUsage& usage;
  CartLifetimes lifetimes;
};

// POST /v1/cart-tokens; GET, DELETE /v1/cart; POST /v1/cart/items;
// PUT, DELETE /v1/cart/items/{product_id}; POST /v1/cart/merge
void add_cart_routes(platform::http::Router& router, ApiContext context);
// POST /v1/cart/quote, POST /v1/checkout, GET /v1/coupons
void add_checkout_routes(platform::http::Router& router, ApiContext context);

}  // namespace cart
