#include "checkout/cart_pricing.h"

#include "platform/error.h"

namespace cart {

const ProductSnapshot* CurrentCart::product(std::string_view product_id) const {
  return find_product(products, product_id);
}

CartPricing::CartPricing(CartStore& carts, CatalogProducts& catalog, const CouponBook& coupons,
                         CouponUsage& usage, TaxTable taxes, ShippingTable shipping)
    : carts_(carts),
      catalog_(catalog),
      coupons_(coupons),
      usage_(usage),
      taxes_(std::move(taxes)),
      shipping_(std::move(shipping)) {}

CurrentCart CartPricing::current(const CartOwner& owner) {
  CurrentCart current{carts_.load(owner), {}};
  auto& cart = current.stored.cart;
  if (cart.lines.empty()) return current;
  std::vector<std::string> ids;
  for (const auto& line : cart.lines) ids.push_back(line.product_id);
  current.products = catalog_.find(ids);
  if (refresh_prices(cart, current.products) &&
      carts_.save_if_version(owner, cart, current.stored.version)) {
    // Kept so that the cart remembers the price it moved from. When another
    // request changed the cart meanwhile, its own write stands: it refreshed
    // what it touched, and the next read refreshes the rest.
    current.stored.version += 1;
  }
  return current;
}

PricedCart CartPricing::quote(const CartOwner& owner, const QuoteInput& input, std::int64_t now) {
  PricedCart priced{current(owner), {}, std::nullopt};
  const auto& cart = priced.current.stored.cart;
  if (cart.lines.empty()) throw platform::conflict("cart-empty", "the cart is empty");
  std::string unavailable;
  for (const auto& line : cart.lines) {
    if (const auto problem = line_problem(cart, line, priced.current.product(line.product_id))) {
      unavailable +=
          (unavailable.empty() ? "" : ", ") + line.product_id + " (" + std::string(*problem) + ")";
    }
  }
  if (!unavailable.empty()) {
    throw platform::conflict("cart-items-unavailable",
                             "these lines cannot be bought as they stand: " + unavailable);
  }

  QuoteRequest request;
  request.currency = cart.currency;
  for (const auto& line : cart.lines) {
    request.lines.push_back(
        {line.product_id, line.unit_price, line.quantity, line.tax_category, line.weight_grams});
  }
  request.destination = input.destination;
  request.speed = input.speed;
  request.now = now;
  if (!input.coupon.empty()) {
    const auto* coupon = coupons_.find(input.coupon);
    if (!coupon) {
      throw platform::unprocessable("unknown-coupon", "there is no coupon " + input.coupon,
                                    "coupon");
    }
    priced.coupon = *coupon;
    priced.coupon->times_used = usage_.times_used(coupon->code);
    request.coupon = priced.coupon;
  }
  priced.quote = make_quote(request, taxes_, shipping_);
  return priced;
}

}  // namespace cart
