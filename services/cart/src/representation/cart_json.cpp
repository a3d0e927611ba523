#include "representation/cart_json.h"

#include "platform/clock.h"
#include "platform/money.h"

namespace cart {

namespace {

boost::json::object money(std::int64_t amount, const std::string& currency) {
  return platform::to_json(platform::Money{amount, currency});
}

std::string time_text(std::int64_t millis) {
  return platform::format_rfc3339(platform::from_unix_millis(millis));
}

boost::json::object line_json(const Cart& cart, const CartLine& line,
                              const ProductSnapshot* product) {
  boost::json::object object{{"product_id", line.product_id},
                             {"sku", line.sku},
                             {"title", line.title},
                             {"quantity", line.quantity},
                             {"unit_price", money(line.unit_price, cart.currency)},
                             {"subtotal", money(line.unit_price * line.quantity, cart.currency)},
                             {"tax_category", to_string(line.tax_category)},
                             {"weight_grams", line.weight_grams},
                             {"added_at", time_text(line.added_at)}};
  if (line.previous_unit_price) {
    object["previous_unit_price"] = money(*line.previous_unit_price, cart.currency);
  }
  if (product) object["available"] = std::max<std::int64_t>(product->available, 0);
  if (const auto problem = line_problem(cart, line, product)) object["problem"] = *problem;
  return object;
}

boost::json::object option_json(const ShippingOption& option, const std::string& currency) {
  return {{"speed", to_string(option.speed)},
          {"price", money(option.price, currency)},
          {"estimate", {{"min_days", option.min_days}, {"max_days", option.max_days}}}};
}

}  // namespace

boost::json::object to_json(const CartOwner& owner, const CurrentCart& current) {
  const auto& cart = current.stored.cart;
  boost::json::array lines;
  std::int64_t merchandise = 0;
  std::int64_t items = 0;
  for (const auto& line : cart.lines) {
    lines.push_back(line_json(cart, line, current.product(line.product_id)));
    merchandise += line.unit_price * line.quantity;
    items += line.quantity;
  }
  boost::json::object object{{"owner", owner.is_customer() ? "customer" : "guest"},
                             {"lines", std::move(lines)},
                             {"item_count", items},
                             {"version", current.stored.version}};
  if (!cart.currency.empty()) {
    object["currency"] = cart.currency;
    object["merchandise"] = money(merchandise, cart.currency);
  }
  if (cart.updated_at != 0) object["updated_at"] = time_text(cart.updated_at);
  return object;
}

boost::json::object to_json(const Quote& quote) {
  const auto& currency = quote.currency;
  boost::json::array lines;
  for (const auto& line : quote.lines) {
    lines.push_back({{"product_id", line.product_id},
                     {"quantity", line.quantity},
                     {"unit_price", money(line.unit_price, currency)},
                     {"subtotal", money(line.subtotal, currency)},
                     {"discount", money(line.discount, currency)},
                     {"tax", money(line.tax, currency)},
                     {"total", money(line.total, currency)}});
  }
  boost::json::array options;
  for (const auto& option : quote.shipping_options)
    options.push_back(option_json(option, currency));
  boost::json::object object{{"currency", currency},
                             {"lines", std::move(lines)},
                             {"merchandise", money(quote.merchandise, currency)},
                             {"discount", money(quote.discount, currency)},
                             {"shipping", money(quote.shipping, currency)},
                             {"shipping_tax", money(quote.shipping_tax, currency)},
                             {"tax", money(quote.tax, currency)},
                             {"total", money(quote.total, currency)},
                             {"prices_include_tax", quote.prices_include_tax},
                             {"tax_name", quote.tax_name},
                             {"shipping_option", option_json(quote.shipping_option, currency)},
                             {"shipping_options", std::move(options)}};
  if (!quote.coupon.empty()) object["coupon"] = quote.coupon;
  return object;
}

boost::json::object to_json(const Coupon& coupon, int times_used) {
  boost::json::object object{
      {"code", coupon.code},
      {"kind", coupon.kind == Coupon::Kind::percentage ? "percentage" : "fixed"},
      {"times_used", times_used}};
  if (coupon.kind == Coupon::Kind::percentage) {
    object["percent_basis_points"] = coupon.percent_bp;
  } else {
    object["amount"] = money(coupon.amount, coupon.currency);
  }
  if (coupon.valid_from != 0) object["valid_from"] = time_text(coupon.valid_from);
  if (coupon.valid_until != 0) object["valid_until"] = time_text(coupon.valid_until);
  if (coupon.minimum_spend != 0)
    object["minimum_spend"] = money(coupon.minimum_spend, coupon.currency);
  if (coupon.usage_limit != 0) object["usage_limit"] = coupon.usage_limit;
  return object;
}

}  // namespace cart
