#pragma once

#include <string>

#include "checkout/cart_pricing.h"

namespace cart {

struct ShippingAddress {
  std::string recipient;
  std::string line1;
  std::string line2;
  std::string city;
  std::string region;  // the US state, where tax depends on it
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2
  std::string phone;
};

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
