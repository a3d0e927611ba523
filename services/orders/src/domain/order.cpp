#include "domain/order.h"

#include "platform/error.h"

namespace orders {

namespace {

void require(bool holds, const std::string& field, const std::string& what) {
  if (!holds) throw platform::unprocessable("totals-inconsistent", field + " " + what, field);
}

}  // namespace

void check_figures(const OrderDraft& draft) {
  Totals sums;
  for (std::size_t i = 0; i < draft.lines.size(); ++i) {
    const auto& line = draft.lines[i];
    const auto path = "lines[" + std::to_string(i) + "]";
    require(line.unit_price >= 0 && line.discount >= 0 && line.tax >= 0, path,
            "has a negative figure");
    require(line.subtotal == line.unit_price * line.quantity, path + ".subtotal",
            "is not unit_price × quantity");
    require(line.discount <= line.subtotal, path + ".discount", "exceeds the subtotal");
    const auto expected_total =
        line.subtotal - line.discount + (draft.prices_include_tax ? 0 : line.tax);
    require(line.total == expected_total, path + ".total",
            draft.prices_include_tax ? "is not subtotal - discount"
                                     : "is not subtotal - discount + tax");
    if (draft.prices_include_tax) {
      require(line.tax <= line.total, path + ".tax", "exceeds the price it is part of");
    }
    sums.merchandise += line.subtotal;
    sums.discount += line.discount;
    sums.tax += line.tax;
    sums.total += line.total;
  }
  const auto& totals = draft.totals;
  require(totals.shipping >= 0 && totals.shipping_tax >= 0, "totals", "has a negative figure");
  require(totals.merchandise == sums.merchandise, "totals.merchandise",
          "is not the sum of the line subtotals");
  require(totals.discount == sums.discount, "totals.discount",
          "is not the sum of the line discounts");
  require(totals.tax == sums.tax + totals.shipping_tax, "totals.tax",
          "is not the sum of the line taxes and the shipping tax");
  const auto shipping_paid = totals.shipping + (draft.prices_include_tax ? 0 : totals.shipping_tax);
  require(totals.total == sums.total + shipping_paid, "totals.total",
          "is not the sum of the line totals and shipping");
  require(totals.total > 0, "totals.total", "must be more than zero");
}

std::int64_t item_count(const OrderDraft& draft) {
  std::int64_t count = 0;
  for (const auto& line : draft.lines) count += line.quantity;
  return count;
}

void check_refund(const Order& order, std::int64_t amount) {
  if (!may_move(order.status, OrderStatus::refunded)) {
    throw platform::conflict("order-not-refundable",
                             "an order that is " + std::string(to_string(order.status)) +
                                 " cannot be refunded; cancel it instead if it has not shipped");
  }
  const auto left = order.draft.totals.total - order.refunded;
  if (amount <= 0 || amount > left) {
    throw platform::unprocessable("amount-exceeds-refundable",
                                  "a refund of this order takes 1 to " + std::to_string(left),
                                  "amount");
  }
}

OrderStatus status_after_refund(const Order& order, std::int64_t amount) {
  return order.refunded + amount == order.draft.totals.total ? OrderStatus::refunded
                                                             : OrderStatus::partially_refunded;
}

}  // namespace orders
