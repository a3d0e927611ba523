#include "checkout/order_draft.h"

#include <boost/json.hpp>

#include "platform/money.h"

namespace cart {

namespace {

boost::json::object money(std::int64_t amount, const std::string& currency) {
  return platform::to_json(platform::Money{amount, currency});
}

}  // namespace

std::string order_draft_json(const std::string& customer_id, const CheckoutInput& input,
                             const PricedCart& priced) {
  const auto& quote = priced.quote;
  const auto& cart = priced.current.stored.cart;
  const auto& currency = quote.currency;
  boost::json::array lines;
  for (std::size_t i = 0; i < quote.lines.size(); ++i) {
    const auto& line = quote.lines[i];
    const auto& cart_line = cart.lines[i];  // the quote keeps the cart's order
    lines.push_back({{"product_id", line.product_id},
                     {"sku", cart_line.sku},
                     {"title", cart_line.title},
                     {"quantity", line.quantity},
                     {"unit_price", money(line.unit_price, currency)},
                     {"subtotal", money(line.subtotal, currency)},
                     {"discount", money(line.discount, currency)},
                     {"tax", money(line.tax, currency)},
                     {"total", money(line.total, currency)}});
  }
  boost::json::object draft{{"customer_id", customer_id},
                            {"email", input.email},
                            {"currency", currency},
                            {"lines", std::move(lines)},
                            {"totals",
                             {{"merchandise", money(quote.merchandise, currency)},
                              {"discount", money(quote.discount, currency)},
                              {"shipping", money(quote.shipping, currency)},
                              {"shipping_tax", money(quote.shipping_tax, currency)},
                              {"tax", money(quote.tax, currency)},
                              {"total", money(quote.total, currency)}}},
                            {"prices_include_tax", quote.prices_include_tax},
                            {"tax_name", quote.tax_name},
                            {"shipping",
                             {{"address", platform::to_json(input.address)},
                              {"speed", to_string(quote.shipping_option.speed)},
                              {"estimate",
                               {{"min_days", quote.shipping_option.min_days},
                                {"max_days", quote.shipping_option.max_days}}}}},
                            {"payment_method", input.payment_method}};
  if (!quote.coupon.empty()) draft["coupon"] = quote.coupon;
  return boost::json::serialize(draft);
}

}  // namespace cart
