#pragma once

#include <boost/json.hpp>

#include "checkout/cart_pricing.h"
#include "domain/coupon_book.h"
#include "domain/quote.h"
#include "store/cart_store.h"

namespace cart {

// The cart as GET /v1/cart shows it (openapi.yaml, Cart): lines at current
// prices, what stops a line being bought, and the merchandise total.
boost::json::object to_json(const CartOwner& owner, const CurrentCart& current);

// A quote as POST /v1/cart/quote shows it (openapi.yaml, Quote).
boost::json::object to_json(const Quote& quote);

// A coupon with how often it was used (GET /v1/coupons).
boost::json::object to_json(const Coupon& coupon, int times_used);

}  // namespace cart
