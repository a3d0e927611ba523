#include <gtest/gtest.h>

#include "api/product_input.h"
#include "platform/error.h"
#include "platform/json.h"
#include "store/product_rows.h"

using namespace catalog;

namespace {

std::string create_error_field(const char* json) {
  try {
    parse_product_create(platform::json::parse_object(json));
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::invalid_argument) << json;
    return error.field();
  }
  return "(accepted)";
}

}  // namespace

TEST(ProductInput, ParsesCreate) {
  const auto input = parse_product_create(platform::json::parse_object(
      R"({"sku":"A-1","title":"Lamp","brand":"Lumen","category":"lighting",
          "price":{"amount":4999,"currency":"EUR"},"attributes":{"colour":"red"},
          "stock":{"on_hand":7}})"));
  EXPECT_EQ(input.changes.sku, "A-1");
  EXPECT_EQ(input.changes.category_id, "lighting");
  EXPECT_EQ(input.changes.price_amount, 4999);
  EXPECT_EQ(input.stock, 7);
}

TEST(ProductInput, NamesTheOffendingField) {
  EXPECT_EQ(create_error_field(R"({"title":"x"})"), "sku");
  EXPECT_EQ(
      create_error_field(
          R"({"sku":"A","title":"L","brand":"B","category":"c","price":{"amount":"5","currency":"EUR"}})"),
      "price.amount");
  EXPECT_EQ(
      create_error_field(
          R"({"sku":"A","title":"L","brand":"B","category":"c","price":{"amount":5,"currency":"EUR"},"colour":"red"})"),
      "colour");
  EXPECT_EQ(
      create_error_field(
          R"({"sku":"A","title":"L","brand":"B","category":"c","price":{"amount":5,"currency":"EUR"},"attributes":{"size":3}})"),
      "attributes.size");
  EXPECT_EQ(
      create_error_field(
          R"({"sku":"A","title":"L","brand":"B","category":"c","price":{"amount":5,"currency":"EUR"},"stock":{"on_hand":-1}})"),
      "stock.on_hand");
}

TEST(ProductInput, MergePatchRejectsRemovingRequiredAndReadOnlyFields) {
  const auto changes = parse_product_patch(
      platform::json::parse_object(R"({"title":"New","attributes":{"colour":null}})"));
  EXPECT_EQ(changes.title, "New");
  ASSERT_EQ(changes.attributes.count("colour"), 1u);
  EXPECT_FALSE(changes.attributes.at("colour"));
  EXPECT_THROW(parse_product_patch(platform::json::parse_object(R"({"title":null})")),
               platform::Error);
  EXPECT_THROW(parse_product_patch(platform::json::parse_object(R"({"version":3})")),
               platform::Error);
}

TEST(ListStatement, BindsEveryValueAsParameter) {
  ProductQuery query;
  query.category_path = "home'; DROP TABLE products; --";
  query.brands = {"A", "B"};
  query.min_price = 100;
  query.in_stock_only = true;
  query.sort = ProductSort::price_ascending;
  query.after = Cursor{ProductSort::price_ascending, 500, "", "id-1"};
  const auto statement = build_list_statement(query);
  EXPECT_EQ(statement.sql.find("DROP"), std::string::npos);
  EXPECT_NE(statement.sql.find("ORDER BY p.price_amount ASC, p.id ASC"), std::string::npos)
      << statement.sql;
  EXPECT_NE(statement.sql.find("(p.price_amount, p.id) > ($"), std::string::npos) << statement.sql;
  EXPECT_EQ(statement.parameters.size(), 1u + 2u + 2u + 1u + 2u + 1u);

  query.after->sort = ProductSort::newest;
  EXPECT_THROW(build_list_statement(query), platform::Error);
}
