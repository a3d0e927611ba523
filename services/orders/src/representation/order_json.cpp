#include "representation/order_json.h"

#include "platform/clock.h"
#include "platform/money.h"
#include "platform/postal_address.h"

namespace orders {

namespace {

std::string time_text(std::int64_t millis) {
  return platform::format_rfc3339(platform::from_unix_millis(millis));
}

boost::json::object money(std::int64_t amount, const std::string& currency) {
  return platform::to_json({amount, currency});
}

}  // namespace

boost::json::object to_json(const Order& order) {
  const auto& draft = order.draft;
  const auto& currency = draft.currency;
  boost::json::array lines;
  for (const auto& line : draft.lines) {
    lines.push_back({{"product_id", line.product_id},
                     {"sku", line.sku},
                     {"title", line.title},
                     {"quantity", line.quantity},
                     {"unit_price", money(line.unit_price, currency)},
                     {"subtotal", money(line.subtotal, currency)},
                     {"discount", money(line.discount, currency)},
                     {"tax", money(line.tax, currency)},
                     {"total", money(line.total, currency)}});
  }
  const auto& totals = draft.totals;
  boost::json::object shipping{
      {"address", platform::to_json(draft.shipping.address)},
      {"speed", draft.shipping.speed},
      {"estimate", {{"min_days", draft.shipping.min_days}, {"max_days", draft.shipping.max_days}}}};
  if (!order.carrier.empty()) {
    shipping["carrier"] = order.carrier;
    shipping["tracking_number"] = order.tracking_number;
  }
  boost::json::array history;
  for (const auto& change : order.history) {
    boost::json::object entry{{"status", to_string(change.status)}, {"at", time_text(change.at)}};
    if (!change.note.empty()) entry["note"] = change.note;
    history.push_back(std::move(entry));
  }
  boost::json::object object{
      {"id", order.id},
      {"customer_id", draft.customer_id},
      {"email", draft.email},
      {"status", to_string(order.status)},
      {"currency", currency},
      {"lines", std::move(lines)},
      {"totals",
       {{"merchandise", money(totals.merchandise, currency)},
        {"discount", money(totals.discount, currency)},
        {"shipping", money(totals.shipping, currency)},
        {"shipping_tax", money(totals.shipping_tax, currency)},
        {"tax", money(totals.tax, currency)},
        {"total", money(totals.total, currency)},
        {"refunded", money(order.refunded, currency)}}},
      {"prices_include_tax", draft.prices_include_tax},
      {"tax_name", draft.tax_name},
      {"shipping", std::move(shipping)},
      {"payment_method", draft.payment_method},
      {"history", std::move(history)},
      {"placed_at", time_text(order.created_at)},
      {"updated_at", time_text(order.updated_at)},
  };
  if (!draft.coupon.empty()) object["coupon"] = draft.coupon;
  if (!order.saga.cancel_reason.empty()) object["cancel_reason"] = order.saga.cancel_reason;
  // While the saga runs (or waits to run again), what it is doing: clients
  // poll until it is gone.
  if (!is_finished(order.saga.step)) object["processing"] = to_string(order.saga.step);
  return object;
}

}  // namespace orders
