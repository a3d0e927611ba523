#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_products.h"
#include "domain/coupon_book.h"
#include "domain/quote.h"
#include "store/cart_store.h"
#include "store/coupon_usage.h"

namespace cart {

// A cart with the catalog's figures of now.
struct CurrentCart {
  StoredCart stored;
  std::vector<ProductSnapshot> products;  // those the catalog has on sale

  const ProductSnapshot* product(std::string_view product_id) const;
};

struct QuoteInput {
  Destination destination;
  ShippingSpeed speed = ShippingSpeed::standard;
  std::string coupon;  // empty: none
};

struct PricedCart {
  CurrentCart current;
  Quote quote;
  std::optional<Coupon> coupon;
};

// Prices carts: brings their lines up to the catalog's prices (keeping the
// refreshed figures) and quotes them with the shop's tax, shipping and
// coupon rules.
class CartPricing {
 public:
  CartPricing(CartStore& carts, CatalogProducts& catalog, const CouponBook& coupons,
              CouponUsage& usage, TaxTable taxes, ShippingTable shipping);

  CurrentCart current(const CartOwner& owner);

  // Throws Error(conflict) cart-empty, or cart-items-unavailable naming the
  // lines that cannot be bought as they stand; Error(unprocessable) for a
  // coupon that does not apply (unknown-coupon, coupon-expired, ...) or a
  // destination that cannot be quoted.
  PricedCart quote(const CartOwner& owner, const QuoteInput& input, std::int64_t now);

  const ShippingTable& shipping() const noexcept { return shipping_; }

 private:
  CartStore& carts_;
  CatalogProducts& catalog_;
  const CouponBook& coupons_;
  CouponUsage& usage_;
  TaxTable taxes_;
  ShippingTable shipping_;
};

}  // namespace cart
