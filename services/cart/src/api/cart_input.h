#pragma once

#include <string>

#include "checkout/cart_pricing.h"
#include "checkout/order_draft.h"
#include "platform/http/message.h"
#include "store/cart_store.h"

namespace cart {

// The header a guest presents the cart token in.
inline constexpr const char* kCartTokenHeader = "Cart-Token";

// A new guest's cart token: 256 random bits, base64url.
std::string new_cart_token();

// The guest cart named by the Cart-Token header. Throws
// Error(unauthenticated, "cart-token-required") without one,
// invalid-field when it is not a token this service makes.
CartOwner guest_of(const platform::http::Request& request);

// The signed-in customer's cart, or else the guest's.
CartOwner cart_owner_of(const platform::http::Request& request);

// The {product_id} path parameter, in the catalog's spelling (lower case).
std::string product_id_of(const platform::http::Request& request);

struct ItemInput {
  std::string product_id;
  int quantity = 0;
};
// POST /v1/cart/items: {"product_id", "quantity" (1 by default)}.
ItemInput read_new_item(const platform::http::Request& request);
// PUT /v1/cart/items/{product_id}: {"quantity"} (0 removes the line).
ItemInput read_item_quantity(const platform::http::Request& request);

// POST /v1/cart/quote: {"destination": {"country", "region"}, "shipping_speed", "coupon"}.
QuoteInput read_quote_input(const platform::http::Request& request);

// POST /v1/checkout: {"shipping_address", "shipping_speed", "coupon", "payment_method", "email"}.
CheckoutInput read_checkout_input(const platform::http::Request& request);

}  // namespace cart
