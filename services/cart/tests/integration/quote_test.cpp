#include "cart_fixture.h"
#include "platform/ids.h"

namespace cart::testing {
namespace {

using platform::http::Method;

// Every expected figure below is worked out by hand from the rules in
// docs/architecture.md (Cart) and the shop's tables: a basket of two lamps
// at 29.99 (standard rate, 800 g each) and a book at 12.00 (reduced rate,
// 400 g): 71.98 of merchandise, 2 kg.
class Quotes : public CartTest {
 protected:
  void SetUp() override {
    CartTest::SetUp();
    if (IsSkipped()) return;
    lamp_ = create_product({.sku = "LAMP-Q", .price = 2999, .weight_grams = 800});
    book_ = create_product(
        {.sku = "BOOK-Q", .price = 1200, .tax_category = "reduced", .weight_grams = 400});
    customer_ = platform::new_uuid_v7();
    ASSERT_EQ(add_item(customer_, lamp_, 2).status, 200);
    ASSERT_EQ(add_item(customer_, book_, 1).status, 200);
  }

  Reply quote(boost::json::object destination, const std::string& speed = "standard",
              const std::string& coupon_code = {}) {
    boost::json::value body{{"destination", std::move(destination)}, {"shipping_speed", speed}};
    if (!coupon_code.empty()) body.as_object()["coupon"] = coupon_code;
    return as_customer(customer_, Method::post, "/v1/cart/quote", &body);
  }

  static std::int64_t amount(const Reply& reply, const char* figure) {
    return reply.body.at(figure).at("amount").as_int64();
  }
  static std::int64_t line(const Reply& reply, int index, const char* figure) {
    return reply.body.at("lines").at(index).at(figure).at("amount").as_int64();
  }

  std::string lamp_, book_, customer_;
};

TEST_P(Quotes, GermanyIncludesVatAndShipsFreeFromFiftyEuros) {
  const auto reply = quote({{"country", "DE"}});
  ASSERT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
  EXPECT_EQ(amount(reply, "merchandise"), 7198);
  EXPECT_EQ(line(reply, 0, "tax"), 958);    // 59.98 × 19/119 = 9.5766
  EXPECT_EQ(line(reply, 1, "tax"), 79);     // 12.00 × 7/107 = 0.7850
  EXPECT_EQ(amount(reply, "shipping"), 0);  // domestic standard is free from 50.00
  EXPECT_EQ(amount(reply, "shipping_tax"), 0);
  EXPECT_EQ(amount(reply, "tax"), 1037);
  EXPECT_EQ(amount(reply, "total"), 7198);
  EXPECT_EQ(reply.body.at("prices_include_tax"), true);
  EXPECT_EQ(reply.body.at("tax_name"), "DE VAT");
  EXPECT_EQ(reply.body.at("shipping_option").at("estimate").at("max_days"), 2);
  EXPECT_EQ(reply.body.at("shipping_options").as_array().size(), 2u);
}

TEST_P(Quotes, FranceByExpressWithTenPercentOff) {
  const auto reply = quote({{"country", "FR"}}, "express", coupon("WELCOME10"));
  ASSERT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
  EXPECT_EQ(amount(reply, "discount"), 720);   // 10% of 71.98 = 7.198
  EXPECT_EQ(line(reply, 0, "discount"), 600);  // 599.97 rounded by largest remainder
  EXPECT_EQ(line(reply, 1, "discount"), 120);
  EXPECT_EQ(line(reply, 0, "tax"), 900);       // 53.98 × 20/120 = 8.9967
  EXPECT_EQ(line(reply, 1, "tax"), 56);        // 10.80 × 5.5/105.5 = 0.5630
  EXPECT_EQ(amount(reply, "shipping"), 2490);  // EU express up to 5 kg; not free
  EXPECT_EQ(amount(reply, "shipping_tax"), 415);
  EXPECT_EQ(amount(reply, "tax"), 1371);
  EXPECT_EQ(amount(reply, "total"), 8968);  // 53.98 + 10.80 + 24.90
  EXPECT_EQ(reply.body.at("coupon").as_string(), coupon("WELCOME10"));
}

TEST_P(Quotes, CaliforniaAddsSalesTaxAfterTenEurosOff) {
  const auto reply = quote({{"country", "US"}, {"region", "CA"}}, "standard", coupon("TENOFF"));
  ASSERT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
  EXPECT_EQ(line(reply, 0, "discount"), 833);
  EXPECT_EQ(line(reply, 1, "discount"), 167);
  EXPECT_EQ(line(reply, 0, "tax"), 374);  // 51.65 × 7.25% = 3.7446
  EXPECT_EQ(line(reply, 1, "tax"), 75);   // 10.33 × 7.25% = 0.7489
  EXPECT_EQ(line(reply, 0, "total"), 5539);
  EXPECT_EQ(amount(reply, "shipping"), 2490);  // North America standard, untaxed
  EXPECT_EQ(amount(reply, "shipping_tax"), 0);
  EXPECT_EQ(amount(reply, "tax"), 449);
  EXPECT_EQ(amount(reply, "total"), 9137);
  EXPECT_EQ(reply.body.at("prices_include_tax"), false);
}

TEST_P(Quotes, JapanOwesNoTaxHere) {
  const auto reply = quote({{"country", "JP"}}, "express");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(amount(reply, "tax"), 0);
  EXPECT_EQ(amount(reply, "shipping"), 5990);
  EXPECT_EQ(amount(reply, "total"), 13188);
  EXPECT_EQ(reply.body.at("tax_name"), "");
}

TEST_P(Quotes, WhatCannotBeQuotedIsSaid) {
  expect_problem(quote({{"country", "US"}}), 422, "region-required");
  expect_problem(quote({{"country", "de"}}), 400, "invalid-field");
  expect_problem(quote({{"country", "DE"}}, "overnight"), 400, "invalid-field");
  expect_problem(quote({{"country", "DE"}}, "standard", "NOSUCHCODE"), 422, "unknown-coupon");
  expect_problem(quote({{"country", "DE"}}, "standard", coupon("EXPIRED")), 422, "coupon-expired");
  expect_problem(quote({{"country", "DE"}}, "standard", coupon("LATER")), 422,
                 "coupon-not-yet-valid");
  ASSERT_EQ(as_customer(customer_, Method::delete_, "/v1/cart/items/" + lamp_).status, 200);
  expect_problem(quote({{"country", "DE"}}, "standard", coupon("TENOFF")), 422,
                 "coupon-minimum-spend");
  ASSERT_EQ(as_customer(customer_, Method::delete_, "/v1/cart").status, 204);
  expect_problem(quote({{"country", "DE"}}), 409, "cart-empty");
}

TEST_P(Quotes, ALineThatCannotBeBoughtStopsTheQuote) {
  ASSERT_EQ(admin_catalog_.patch("/v1/products/" + book_, {{"status", "archived"}}).status, 200);
  const auto reply = quote({{"country", "DE"}});
  expect_problem(reply, 409, "cart-items-unavailable");
  EXPECT_NE(reply.body.at("detail").as_string().find(book_), std::string::npos);
}

TEST_P(Quotes, AGuestCanBeQuotedToo) {
  const auto guest = new_guest();
  boost::json::value body{{"product_id", lamp_}, {"quantity", 1}};
  ASSERT_EQ(as_guest(guest, Method::post, "/v1/cart/items", &body).status, 200);
  body = {{"destination", {{"country", "AT"}}}};
  const auto reply = as_guest(guest, Method::post, "/v1/cart/quote", &body);
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(amount(reply, "tax"), 500 + 115);  // 29.99 × 20/120 = 4.998; 6.90 × 20/120 = 1.15
  EXPECT_EQ(amount(reply, "total"), 2999 + 690);
}

INSTANTIATE_TEST_SUITE_P(Backends, Quotes,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace cart::testing
