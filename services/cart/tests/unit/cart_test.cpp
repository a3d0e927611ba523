#include "domain/cart.h"

#include <gtest/gtest.h>

#include "platform/error.h"

namespace cart {
namespace {

ProductSnapshot lamp(std::int64_t price = 1999, std::int64_t available = 10) {
  return {"0190a1b2-0000-7000-8000-000000000001",
          "LAMP-1",
          "Desk lamp",
          price,
          "EUR",
          TaxCategory::standard,
          800,
          true,
          available};
}

ProductSnapshot book() {
  return {"0190a1b2-0000-7000-8000-000000000002",
          "BOOK-1",
          "A novel",
          1200,
          "EUR",
          TaxCategory::reduced,
          400,
          true,
          3};
}

std::string code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const platform::Error& error) {
    return error.code();
  }
  return "no error";
}

TEST(CartLines, AddingTheSameProductAddsToItsLineWithCurrentFigures) {
  Cart cart;
  add_item(cart, lamp(), 2, 1000);
  add_item(cart, lamp(2499), 1, 2000);
  ASSERT_EQ(cart.lines.size(), 1u);
  EXPECT_EQ(cart.lines[0].quantity, 3);
  EXPECT_EQ(cart.lines[0].unit_price, 2499);
  EXPECT_EQ(cart.lines[0].added_at, 1000);
  EXPECT_EQ(cart.currency, "EUR");
  EXPECT_EQ(cart.created_at, 1000);
  EXPECT_EQ(cart.updated_at, 2000);
}

TEST(CartLines, RefusesWhatCannotBeBought) {
  Cart cart;
  auto off_sale = lamp();
  off_sale.active = false;
  EXPECT_EQ(code_of([&] { add_item(cart, off_sale, 1, 1); }), "product-unavailable");
  EXPECT_EQ(code_of([&] { add_item(cart, lamp(1999, 2), 3, 1); }), "insufficient-stock");
  add_item(cart, lamp(1999, 2), 2, 1);
  EXPECT_EQ(code_of([&] { add_item(cart, lamp(1999, 2), 1, 1); }), "insufficient-stock")
      << "the line would hold more than the catalog has";
  auto dollars = book();
  dollars.currency = "USD";
  EXPECT_EQ(code_of([&] { add_item(cart, dollars, 1, 1); }), "currency-mismatch");
  EXPECT_EQ(code_of([&] { add_item(cart, lamp(1999, 5000), kMaxLineQuantity + 1, 1); }),
            "quantity-too-large");
}

TEST(CartLines, ACartHoldsAtMostItsLimitOfProducts) {
  Cart cart;
  for (std::size_t i = 0; i < kMaxCartLines; ++i) {
    auto product = lamp();
    product.product_id = "p-" + std::to_string(i);
    add_item(cart, product, 1, 1);
  }
  auto one_more = lamp();
  one_more.product_id = "p-last";
  EXPECT_EQ(code_of([&] { add_item(cart, one_more, 1, 1); }), "cart-full");
}

TEST(CartLines, SettingAQuantityChecksStockAndZeroRemoves) {
  Cart cart;
  add_item(cart, lamp(), 1, 1);
  set_quantity(cart, lamp(), 4, 2);
  EXPECT_EQ(cart.lines[0].quantity, 4);
  EXPECT_EQ(code_of([&] { set_quantity(cart, lamp(1999, 3), 4, 3); }), "insufficient-stock");
  EXPECT_EQ(code_of([&] { set_quantity(cart, book(), 1, 3); }), "line-not-found");
  set_quantity(cart, lamp(), 0, 4);
  EXPECT_TRUE(cart.lines.empty());
  EXPECT_TRUE(cart.currency.empty()) << "an empty cart takes any currency again";
}

TEST(CartLines, RemovingReportsWhetherThereWasALine) {
  Cart cart;
  add_item(cart, lamp(), 1, 1);
  EXPECT_FALSE(remove_item(cart, book().product_id, 2));
  EXPECT_TRUE(remove_item(cart, lamp().product_id, 2));
}

TEST(CartMerge, GuestLinesJoinTheCustomersAndQuantitiesAddUp) {
  Cart customer;
  add_item(customer, lamp(), 1, 1);
  Cart guest;
  add_item(guest, lamp(), 2, 5);
  add_item(guest, book(), 1, 5);
  const auto left_out = merge_into(customer, guest, 10);
  EXPECT_TRUE(left_out.empty());
  ASSERT_EQ(customer.lines.size(), 2u);
  EXPECT_EQ(customer.lines[0].quantity, 3);
  EXPECT_EQ(customer.lines[1].product_id, book().product_id);
  EXPECT_EQ(customer.updated_at, 10);
}

TEST(CartMerge, AnEmptyCustomerCartTakesTheGuestsCurrencyAndOtherCurrenciesStayOut) {
  Cart customer;
  Cart guest;
  add_item(guest, book(), 1, 5);
  merge_into(customer, guest, 10);
  EXPECT_EQ(customer.currency, "EUR");
  EXPECT_EQ(customer.created_at, 10);

  Cart dollars;
  auto product = lamp();
  product.currency = "USD";
  add_item(dollars, product, 1, 5);
  EXPECT_EQ(merge_into(customer, dollars, 11), std::vector<std::string>{product.product_id});
  EXPECT_EQ(customer.lines.size(), 1u);
}

TEST(CartMerge, QuantitiesStopAtTheLineLimit) {
  Cart customer, guest;
  add_item(customer, lamp(1999, 5000), 900, 1);
  add_item(guest, lamp(1999, 5000), 900, 1);
  merge_into(customer, guest, 2);
  EXPECT_EQ(customer.lines[0].quantity, kMaxLineQuantity);
}

TEST(CartAfterCheckout, OrderedQuantitiesLeaveAndLaterAdditionsStay) {
  Cart cart;
  add_item(cart, lamp(), 3, 1);
  add_item(cart, book(), 1, 1);
  remove_ordered(cart, {{lamp().product_id, 2}, {book().product_id, 1}}, 5);
  ASSERT_EQ(cart.lines.size(), 1u);
  EXPECT_EQ(cart.lines[0].quantity, 1) << "one lamp was added after the quote";
}

TEST(CartPrices, ARefreshTakesTheCatalogsPriceAndRemembersTheOldOne) {
  Cart cart;
  add_item(cart, lamp(1999), 1, 1);
  EXPECT_FALSE(refresh_prices(cart, {lamp(1999)}));
  EXPECT_TRUE(refresh_prices(cart, {lamp(1799)}));
  EXPECT_EQ(cart.lines[0].unit_price, 1799);
  EXPECT_EQ(cart.lines[0].previous_unit_price, 1999);
  add_item(cart, lamp(1799), 1, 2);
  EXPECT_FALSE(cart.lines[0].previous_unit_price) << "touching the line acknowledges the change";
}

TEST(CartPrices, SaysWhyALineCannotBeBought) {
  Cart cart;
  add_item(cart, lamp(1999, 10), 3, 1);
  const auto& line = cart.lines[0];
  const auto product = lamp(1999, 10);
  EXPECT_FALSE(line_problem(cart, line, &product));
  EXPECT_EQ(line_problem(cart, line, nullptr), "unavailable");
  const auto few = lamp(1999, 2);
  EXPECT_EQ(line_problem(cart, line, &few), "insufficient-stock");
  const auto none = lamp(1999, 0);
  EXPECT_EQ(line_problem(cart, line, &none), "out-of-stock");
  auto archived = lamp();
  archived.active = false;
  EXPECT_EQ(line_problem(cart, line, &archived), "unavailable");
}

}  // namespace
}  // namespace cart
