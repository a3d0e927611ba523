#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/promotions.h"
#include "domain/shipping.h"
#include "domain/tax.h"

namespace cart {

// A cart line with what pricing needs to know of its product (from the
// catalog: price, tax category, weight).
struct QuoteLine {
  std::string product_id;
  std::int64_t unit_price = 0;  // minor units, as the catalog states it
  int quantity = 0;
  TaxCategory tax_category = TaxCategory::standard;
  int weight_grams = 0;
};

struct QuoteRequest {
  std::string currency;
  std::vector<QuoteLine> lines;
  Destination destination;
  ShippingSpeed speed = ShippingSpeed::standard;
  std::optional<Coupon> coupon;
  std::int64_t now = 0;  // Unix milliseconds, for the coupon's window
};

struct PricedLine {
  std::string product_id;
  int quantity = 0;
  std::int64_t unit_price = 0;
  std::int64_t subtotal = 0;  // unit price × quantity
  std::int64_t discount = 0;  // its share of the coupon
  std::int64_t tax = 0;       // contained in or added to subtotal - discount
  std::int64_t total = 0;     // what the customer pays for the line
};

// Every figure in minor units of `currency`; total = Σ line totals +
// shipping total, and tax = Σ line taxes + shipping tax, exactly.
struct Quote {
  std::string currency;
  std::vector<PricedLine> lines;
  std::int64_t merchandise = 0;  // Σ subtotals
  std::int64_t discount = 0;
  std::int64_t shipping = 0;      // after free shipping
  std::int64_t shipping_tax = 0;  // contained in or added to shipping
  std::int64_t tax = 0;
  std::int64_t total = 0;
  bool prices_include_tax = false;
  std::string tax_name;            // empty when no tax is owed
  ShippingOption shipping_option;  // the chosen speed, with its list price
  std::vector<ShippingOption> shipping_options;
  std::string coupon;  // the applied code
};

// The rules, in order: the coupon's discount on the merchandise is shared
// among the lines in proportion; each line is taxed on what is left of it,
// at its category's rate, rounded per line; standard shipping is free from
// the zone's threshold (merchandise after discount); shipping is taxed at the
// standard rate where the destination taxes it. Where prices include tax
// (EU), the tax is the part of the price it already is; elsewhere (US) it is
// added. Throws Error(unprocessable) for what cannot be quoted (a currency
// the shipping table has not, a coupon that does not apply, no region for a
// country taxed by region, a basket too heavy).
Quote make_quote(const QuoteRequest& request, const TaxTable& taxes, const ShippingTable& shipping);

}  // namespace cart
