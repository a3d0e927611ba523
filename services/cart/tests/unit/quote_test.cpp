// Quotes checked against totals worked out by hand (every figure in cents).
#include "domain/quote.h"

#include <gtest/gtest.h>

#include "platform/error.h"

namespace cart {
namespace {

const TaxTable kTaxes = default_tax_table();
const ShippingTable kShipping = default_shipping_table();

QuoteLine lamp(int quantity) { return {"lamp", 4999, quantity, TaxCategory::standard, 1200}; }
QuoteLine book(int quantity) { return {"book", 1999, quantity, TaxCategory::reduced, 400}; }

Coupon percent_off(std::int32_t percent_bp) {
  Coupon coupon;
  coupon.code = "TENOFF";
  coupon.kind = Coupon::Kind::percentage;
  coupon.percent_bp = percent_bp;
  return coupon;
}

std::string refusal(const QuoteRequest& request) {
  try {
    make_quote(request, kTaxes, kShipping);
  } catch (const platform::Error& error) {
    return error.code();
  }
  return "none";
}

TEST(Quote, GermanyWithACouponAReducedRateAndExpressShipping) {
  // 2 lamps at 49.99 (19%) and a book at 19.99 (7%); 10% off; express.
  // Merchandise 119.97, discount 12.00 (11.997 rounded), shared 10.00 to the
  // lamps and 2.00 to the book (largest remainder). VAT is inside the
  // prices: 89.98 × 19/119 = 14.37; 17.99 × 7/107 = 1.18; express for 2.8 kg
  // is 14.90, its VAT 2.38.
  QuoteRequest request{
      "EUR", {lamp(2), book(1)}, {"DE", ""}, ShippingSpeed::express, percent_off(1000), 0};
  const auto quote = make_quote(request, kTaxes, kShipping);
  EXPECT_EQ(quote.merchandise, 11997);
  EXPECT_EQ(quote.discount, 1200);
  ASSERT_EQ(quote.lines.size(), 2u);
  EXPECT_EQ(quote.lines[0].discount, 1000);
  EXPECT_EQ(quote.lines[1].discount, 200);
  EXPECT_EQ(quote.lines[0].tax, 1437);
  EXPECT_EQ(quote.lines[1].tax, 118);
  EXPECT_EQ(quote.shipping, 1490);
  EXPECT_EQ(quote.shipping_tax, 238);
  EXPECT_EQ(quote.tax, 1793);
  EXPECT_EQ(quote.total, 12287);
  EXPECT_TRUE(quote.prices_include_tax);
  EXPECT_EQ(quote.tax_name, "DE VAT");
  EXPECT_EQ(quote.shipping_option.min_days, 1);
}

TEST(Quote, CaliforniaAddsStateSalesTaxAndLeavesShippingUntaxed) {
  // 99.98 × 7.25% = 7.2486 -> 7.25 added; standard to the US for 2.4 kg 24.90.
  QuoteRequest request{"EUR", {lamp(2)}, {"US", "CA"}, ShippingSpeed::standard, {}, 0};
  const auto quote = make_quote(request, kTaxes, kShipping);
  EXPECT_EQ(quote.lines[0].tax, 725);
  EXPECT_EQ(quote.lines[0].total, 10723);
  EXPECT_EQ(quote.shipping, 2490);
  EXPECT_EQ(quote.shipping_tax, 0);
  EXPECT_EQ(quote.total, 13213);
  EXPECT_FALSE(quote.prices_include_tax);
  EXPECT_EQ(refusal({"EUR", {lamp(1)}, {"US", ""}, ShippingSpeed::standard, {}, 0}),
            "region-required");
}

TEST(Quote, FranceWithAFixedCouponAboveItsMinimumSpend) {
  // 49.99 - 15.00 = 34.99, VAT 20% inside: 5.83; EU standard 11.90 (not free
  // below 100.00), VAT inside 1.98.
  Coupon fifteen;
  fifteen.code = "FIFTEEN";
  fifteen.kind = Coupon::Kind::fixed;
  fifteen.amount = 1500;
  fifteen.currency = "EUR";
  fifteen.minimum_spend = 3000;
  QuoteRequest request{"EUR", {lamp(1)}, {"FR", ""}, ShippingSpeed::standard, fifteen, 0};
  const auto quote = make_quote(request, kTaxes, kShipping);
  EXPECT_EQ(quote.lines[0].tax, 583);
  EXPECT_EQ(quote.shipping, 1190);
  EXPECT_EQ(quote.shipping_tax, 198);
  EXPECT_EQ(quote.total, 4689);
  EXPECT_EQ(quote.tax, 781);
  fifteen.minimum_spend = 5000;
  request.coupon = fifteen;
  EXPECT_EQ(refusal(request), "coupon-minimum-spend");
}

TEST(Quote, StandardShippingIsFreeFromTheZonesThreshold) {
  QuoteRequest one{"EUR", {lamp(1)}, {"DE", ""}, ShippingSpeed::standard, {}, 0};
  const auto below = make_quote(one, kTaxes, kShipping);
  EXPECT_EQ(below.shipping, 690);
  EXPECT_EQ(below.shipping_tax, 110);
  EXPECT_EQ(below.lines[0].tax, 798);
  EXPECT_EQ(below.total, 5689);
  QuoteRequest two{"EUR", {lamp(2)}, {"DE", ""}, ShippingSpeed::standard, {}, 0};
  const auto above = make_quote(two, kTaxes, kShipping);
  EXPECT_EQ(above.shipping, 0);
  EXPECT_EQ(above.shipping_option.price, 690) << "the list price is still shown";
  EXPECT_EQ(above.total, 9998);
  two.speed = ShippingSpeed::express;
  EXPECT_EQ(make_quote(two, kTaxes, kShipping).shipping, 1490) << "express is never free";
}

TEST(Quote, ExportsCarryNoTaxAndOtherCurrenciesAreRefused) {
  QuoteRequest request{"EUR", {lamp(1)}, {"JP", ""}, ShippingSpeed::standard, {}, 0};
  const auto quote = make_quote(request, kTaxes, kShipping);
  EXPECT_EQ(quote.tax, 0);
  EXPECT_EQ(quote.tax_name, "");
  EXPECT_EQ(quote.total, 4999 + 3490);
  request.currency = "USD";
  EXPECT_EQ(refusal(request), "currency-not-supported");
  QuoteRequest heavy{"EUR", {lamp(20)}, {"DE", ""}, ShippingSpeed::standard, {}, 0};
  EXPECT_EQ(refusal(heavy), "too-heavy-to-ship");
}

TEST(Tax, RoundsHalfAwayFromZeroOnExactIntegers) {
  EXPECT_EQ(tax_of(1000, 190000, false), 190);
  EXPECT_EQ(tax_of(1190, 190000, true), 190);
  EXPECT_EQ(tax_of(50, 100000, false), 5);
  EXPECT_EQ(tax_of(25, 100000, false), 3) << "2.5 rounds up";
  EXPECT_EQ(tax_of(-25, 100000, false), -3) << "and a negative 2.5 down";
  EXPECT_EQ(tax_of(9998, 68750, false), 687) << "Minnesota's 6.875%: 687.36";
  EXPECT_EQ(tax_of(1234, 0, true), 0);
}

TEST(Promotions, CouponsHaveAWindowALimitAndACurrency) {
  Coupon coupon = percent_off(1000);
  coupon.valid_from = 1000;
  coupon.valid_until = 2000;
  coupon.usage_limit = 3;
  coupon.currency = "EUR";
  const auto code = [&](std::int64_t now, const char* currency = "EUR") {
    try {
      check_coupon(coupon, currency, 5000, now);
    } catch (const platform::Error& error) {
      return error.code();
    }
    return std::string("valid");
  };
  EXPECT_EQ(code(999), "coupon-not-yet-valid");
  EXPECT_EQ(code(1000), "valid");
  EXPECT_EQ(code(2000), "coupon-expired") << "valid_until is exclusive";
  EXPECT_EQ(code(1500, "USD"), "coupon-currency");
  coupon.times_used = 3;
  EXPECT_EQ(code(1500), "coupon-used-up");
  EXPECT_EQ(discount_of(percent_off(1000), 11997), 1200);
  EXPECT_EQ(discount_of(percent_off(1000), 11994), 1199);
}

TEST(Promotions, AllocationAddsUpExactlyAndFavoursTheLargestRemainders) {
  EXPECT_EQ(allocate(1200, {9998, 1999}), (std::vector<std::int64_t>{1000, 200}));
  EXPECT_EQ(allocate(100, {1, 1, 1}), (std::vector<std::int64_t>{34, 33, 33}));
  EXPECT_EQ(allocate(0, {5, 5}), (std::vector<std::int64_t>{0, 0}));
  const std::vector<std::int64_t> amounts{333, 667, 1001, 2, 9999};
  const auto shares = allocate(1237, amounts);
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    sum += shares[i];
    EXPECT_LE(shares[i], amounts[i]);
  }
  EXPECT_EQ(sum, 1237);
}

TEST(Tax, EveryUsStateAndEveryEuMemberIsKnown) {
  for (const char* state : {"AL", "CA", "NY", "TX", "WA", "DC", "OR", "WY"}) {
    EXPECT_TRUE(kTaxes.rule_for({"US", state})) << state;
  }
  EXPECT_EQ(kTaxes.rule_for({"US", "OR"})->standard_ppm, 0) << "Oregon has no sales tax";
  for (const char* country : {"AT", "BE", "DE", "FR", "IT", "ES", "PL", "SE", "HU", "LU"}) {
    const auto rule = kTaxes.rule_for({country, ""});
    ASSERT_TRUE(rule) << country;
    EXPECT_TRUE(rule->prices_include_tax);
    EXPECT_TRUE(rule->taxes_shipping);
  }
  EXPECT_EQ(kTaxes.rule_for({"HU", ""})->standard_ppm, 270000);
  EXPECT_FALSE(kTaxes.rule_for({"JP", ""}));
}

}  // namespace
}  // namespace cart
