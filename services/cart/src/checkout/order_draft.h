#pragma once

#include <string>

#include "checkout/cart_pricing.h"
#include "platform/postal_address.h"

namespace cart {

using ShippingAddress = platform::PostalAddress;

// What POST /v1/checkout is asked for.
struct CheckoutInput {
  ShippingAddress address;
  ShippingSpeed speed = ShippingSpeed::standard;
  std::string coupon;
  std::string payment_method;  // a saved card's id (payments service)
  std::string email;           // where the order confirmation goes
};

// The body of the orders service's POST /v1/orders for a priced cart: every
// figure as the quote made it, so the order charges exactly what was shown.
std::string order_draft_json(const std::string& customer_id, const CheckoutInput& input,
                             const PricedCart& priced);

}  // namespace cart
