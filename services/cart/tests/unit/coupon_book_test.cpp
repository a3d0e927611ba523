#include "domain/coupon_book.h"

#include <gtest/gtest.h>

#include "cart_service.h"
#include "platform/error.h"

namespace cart {
namespace {

std::string field_of(std::string_view document) {
  try {
    CouponBook::from_json(document);
  } catch (const platform::Error& error) {
    return error.field();
  }
  return "no error";
}

TEST(CouponBook, ReadsBothKindsWithTheirRules) {
  const auto book = CouponBook::from_json(R"({"coupons": [
      {"code": "spring", "kind": "percentage", "percent_basis_points": 1500,
       "valid_from": "2026-03-01T00:00:00Z", "valid_until": "2026-06-01T00:00:00Z"},
      {"code": "FIVE", "kind": "fixed", "amount": {"amount": 500, "currency": "EUR"},
       "minimum_spend": {"amount": 2500, "currency": "EUR"}, "usage_limit": 3}]})");
  const auto* spring = book.find("Spring");
  ASSERT_NE(spring, nullptr) << "codes match without regard to case";
  EXPECT_EQ(spring->code, "SPRING");
  EXPECT_EQ(spring->kind, Coupon::Kind::percentage);
  EXPECT_EQ(spring->percent_bp, 1500);
  EXPECT_EQ(spring->valid_from, 1772323200000);
  EXPECT_EQ(spring->valid_until, 1780272000000);
  const auto* five = book.find("five");
  ASSERT_NE(five, nullptr);
  EXPECT_EQ(five->amount, 500);
  EXPECT_EQ(five->currency, "EUR");
  EXPECT_EQ(five->minimum_spend, 2500);
  EXPECT_EQ(five->usage_limit, 3);
  EXPECT_EQ(book.find("nope"), nullptr);
}

TEST(CouponBook, NamesTheFieldThatBreaksARule) {
  EXPECT_EQ(field_of(R"({"coupons": {}})"), "coupons");
  EXPECT_EQ(field_of(R"({"coupons": [{"code": "A", "kind": "bogo"}]})"), "coupons[0].kind");
  EXPECT_EQ(field_of(R"({"coupons": [{"code": "A", "kind": "percentage",
                                       "percent_basis_points": 10001}]})"),
            "coupons[0].percent_basis_points");
  EXPECT_EQ(field_of(R"({"coupons": [{"code": "A", "kind": "percentage",
                                       "percent_basis_points": 10, "valid_from": "soon"}]})"),
            "coupons[0].valid_from");
  EXPECT_EQ(field_of(R"({"coupons": [{"code": "A", "kind": "fixed",
      "amount": {"amount": 5, "currency": "EUR"}, "minimum_spend": {"amount": 5, "currency": "USD"}}]})"),
            "coupons[0].minimum_spend");
  EXPECT_EQ(field_of(R"({"coupons": [{"code": "A", "kind": "percentage", "percent_basis_points": 5},
                                      {"code": "a", "kind": "percentage", "percent_basis_points": 5}]})"),
            "coupons[1].code");
  EXPECT_EQ(field_of(R"({"coupons": [{"code": "A", "kind": "percentage",
                                       "percent_basis_points": 5, "colour": "red"}]})"),
            "coupons[0].colour");
}

TEST(CouponBook, TheDemoCouponsAreReadable) {
  const auto book = demo_coupons();
  EXPECT_NE(book.find("WELCOME10"), nullptr);
  EXPECT_NE(book.find("TENOFF"), nullptr);
}

}  // namespace
}  // namespace cart
