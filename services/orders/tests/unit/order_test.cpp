#include "domain/order.h"

#include <gtest/gtest.h>

#include "platform/error.h"

namespace orders {
namespace {

// Two lamps at 25.00 and a bulb at 4.99 to Berlin, prices including 19% VAT,
// 10% off: the figures a quote makes (see services/cart's quote tests).
OrderDraft berlin_draft() {
  OrderDraft draft;
  draft.currency = "EUR";
  draft.prices_include_tax = true;
  // lamp: 5000 - 500 = 4500, VAT 4500 × 19/119 = 718.49 → 718
  draft.lines.push_back({"lamp", "L", "Lamp", 2, 2500, 5000, 500, 718, 4500});
  // bulb: 499 - 50 = 449, VAT 71.69 → 72
  draft.lines.push_back({"bulb", "B", "Bulb", 1, 499, 499, 50, 72, 449});
  // shipping 4.90 including 0.78 VAT
  draft.totals = {5499, 550, 490, 78, 718 + 72 + 78, 4500 + 449 + 490};
  return draft;
}

void expect_inconsistent(const OrderDraft& draft, const std::string& field) {
  try {
    check_figures(draft);
    ADD_FAILURE() << "accepted figures that do not add up at " << field;
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.code(), "totals-inconsistent");
    EXPECT_EQ(error.field(), field);
  }
}

TEST(OrderFigures, AQuotesFiguresAddUp) { EXPECT_NO_THROW(check_figures(berlin_draft())); }

TEST(OrderFigures, TaxAddedOnTopCountsInTheTotals) {
  // New York: 8.875%... here 4% state rate, added to net prices.
  OrderDraft draft;
  draft.currency = "USD";
  draft.prices_include_tax = false;
  draft.lines.push_back({"lamp", "L", "Lamp", 1, 2000, 2000, 0, 80, 2080});
  draft.totals = {2000, 0, 1200, 48, 128, 2080 + 1200 + 48};
  EXPECT_NO_THROW(check_figures(draft));
  draft.totals.total = 2080 + 1200;  // the shipping tax forgotten
  expect_inconsistent(draft, "totals.total");
}

TEST(OrderFigures, EachFigureThatDoesNotAddUpIsNamed) {
  auto draft = berlin_draft();
  draft.lines[0].subtotal = 4999;
  expect_inconsistent(draft, "lines[0].subtotal");

  draft = berlin_draft();
  draft.lines[1].total = 499;  // the discount not taken off
  expect_inconsistent(draft, "lines[1].total");

  draft = berlin_draft();
  draft.lines[1].discount = 600;
  draft.lines[1].total = -101;
  expect_inconsistent(draft, "lines[1].discount");

  draft = berlin_draft();
  draft.totals.merchandise += 1;
  expect_inconsistent(draft, "totals.merchandise");

  draft = berlin_draft();
  draft.totals.discount = 0;
  expect_inconsistent(draft, "totals.discount");

  draft = berlin_draft();
  draft.totals.tax -= 78;  // the shipping's VAT left out
  expect_inconsistent(draft, "totals.tax");

  draft = berlin_draft();
  draft.lines[0].tax = 5000;
  draft.totals.tax = 5000 + 72 + 78;
  expect_inconsistent(draft, "lines[0].tax");
}

TEST(OrderFigures, ANothingOrderIsRefused) {
  OrderDraft draft;
  draft.currency = "EUR";
  draft.prices_include_tax = true;
  draft.lines.push_back({"free", "F", "Free sample", 1, 0, 0, 0, 0, 0});
  expect_inconsistent(draft, "totals.total");
}

TEST(OrderRefunds, OnlyShippedOrdersAreRefundedUpToWhatIsLeft) {
  Order order;
  order.draft = berlin_draft();  // 5439
  order.status = OrderStatus::paid;
  EXPECT_THROW(check_refund(order, 100), platform::Error);

  order.status = OrderStatus::shipped;
  EXPECT_NO_THROW(check_refund(order, 5439));
  EXPECT_THROW(check_refund(order, 5440), platform::Error);
  EXPECT_THROW(check_refund(order, 0), platform::Error);
  EXPECT_EQ(status_after_refund(order, 1000), OrderStatus::partially_refunded);
  EXPECT_EQ(status_after_refund(order, 5439), OrderStatus::refunded);

  order.status = OrderStatus::partially_refunded;
  order.refunded = 5000;
  EXPECT_THROW(check_refund(order, 440), platform::Error);
  EXPECT_EQ(status_after_refund(order, 439), OrderStatus::refunded);
  EXPECT_EQ(item_count(order.draft), 3);
}

}  // namespace
}  // namespace orders
