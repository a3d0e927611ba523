#include "domain/quote.h"

#include "platform/error.h"

namespace cart {

Quote make_quote(const QuoteRequest& request, const TaxTable& taxes,
                 const ShippingTable& shipping) {
  if (request.currency != shipping.currency()) {
    throw platform::unprocessable(
        "currency-not-supported",
        "the shop sells in " + shipping.currency() + ", not " + request.currency, "currency");
  }
  Quote quote;
  quote.currency = request.currency;
  std::vector<std::int64_t> subtotals;
  int grams = 0;
  for (const auto& line : request.lines) {
    subtotals.push_back(line.unit_price * line.quantity);
    quote.merchandise += subtotals.back();
    grams += line.weight_grams * line.quantity;
  }

  if (request.coupon) {
    check_coupon(*request.coupon, request.currency, quote.merchandise, request.now);
    quote.discount = discount_of(*request.coupon, quote.merchandise);
    quote.coupon = request.coupon->code;
  }
  const auto discounts = allocate(quote.discount, subtotals);

  const auto rule = taxes.rule_for(request.destination);
  quote.prices_include_tax = rule && rule->prices_include_tax;
  if (rule) quote.tax_name = rule->name;
  const bool inclusive = quote.prices_include_tax;

  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const auto& line = request.lines[i];
    PricedLine priced;
    priced.product_id = line.product_id;
    priced.quantity = line.quantity;
    priced.unit_price = line.unit_price;
    priced.subtotal = subtotals[i];
    priced.discount = discounts[i];
    const auto taxable = priced.subtotal - priced.discount;
    priced.tax = rule ? tax_of(taxable, rule->rate_ppm(line.tax_category), inclusive) : 0;
    priced.total = inclusive ? taxable : taxable + priced.tax;
    quote.tax += priced.tax;
    quote.total += priced.total;
    quote.lines.push_back(std::move(priced));
  }

  quote.shipping_options = shipping.options(request.destination.country, grams);
  for (const auto& option : quote.shipping_options) {
    if (option.speed == request.speed) quote.shipping_option = option;
  }
  quote.shipping = quote.shipping_option.price;
  const auto free_from = shipping.zone_for(request.destination.country).free_standard_from;
  if (request.speed == ShippingSpeed::standard && free_from > 0 &&
      quote.merchandise - quote.discount >= free_from) {
    quote.shipping = 0;
  }
  if (rule && rule->taxes_shipping) {
    quote.shipping_tax = tax_of(quote.shipping, rule->rate_ppm(TaxCategory::standard), inclusive);
  }
  quote.tax += quote.shipping_tax;
  quote.total += inclusive ? quote.shipping : quote.shipping + quote.shipping_tax;
  return quote;
}

}  // namespace cart
