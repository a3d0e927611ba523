#include "platform/money.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "platform/error.h"

namespace {

using platform::Money;
using platform::json::ObjectReader;

Money read(const char* json) {
  auto object = platform::json::parse_object(json);
  ObjectReader reader(object);
  auto money = platform::read_money(reader, "total", {.minimum = 0});
  reader.finish();
  return money;
}

std::string failing_field(const char* json) {
  try {
    read(json);
  } catch (const platform::Error& error) {
    return error.field();
  }
  return "accepted";
}

TEST(Money, ReadsAndWritesAmountAndCurrency) {
  EXPECT_EQ(read(R"({"total": {"amount": 1999, "currency": "EUR"}})"), (Money{1999, "EUR"}));
  EXPECT_EQ(boost::json::serialize(platform::to_json(Money{5, "USD"})),
            R"({"amount":5,"currency":"USD"})");
}

TEST(Money, NamesTheFieldThatIsWrong) {
  EXPECT_EQ(failing_field(R"({"total": {"amount": -1, "currency": "EUR"}})"), "total.amount");
  EXPECT_EQ(failing_field(R"({"total": {"amount": 1.5, "currency": "EUR"}})"), "total.amount");
  EXPECT_EQ(failing_field(R"({"total": {"amount": 1, "currency": "eur"}})"), "total.currency");
  EXPECT_EQ(failing_field(R"({"total": {"amount": 1, "currency": "EURO"}})"), "total.currency");
  EXPECT_EQ(failing_field(R"({"total": {"amount": 1, "currency": "EUR", "x": 1}})"), "total.x");
  EXPECT_EQ(failing_field(R"({"total": 5})"), "total");
  EXPECT_FALSE(platform::is_valid_currency("E1R"));
  EXPECT_TRUE(platform::is_valid_currency("JPY"));
}

}  // namespace
