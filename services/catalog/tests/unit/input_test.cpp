#include <gtest/gtest.h>

#include <cstdio>
#include <set>

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

std::string create_with(const std::string& members) {
  return R"({"sku":"A","title":"L","brand":"B","category":"c","price":{"amount":5,"currency":"EUR"},)" +
         members + "}";
}

platform::http::Request list_request(std::vector<std::pair<std::string, std::string>> parameters) {
  platform::http::Request request;
  request.query = std::move(parameters);
  return request;
}

std::string query_error_field(std::vector<std::pair<std::string, std::string>> parameters) {
  try {
    parse_product_query(list_request(std::move(parameters)));
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::invalid_argument);
    return error.field();
  }
  return "(accepted)";
}

// n distinct canonical ids: ...-000000000001, ...-000000000002, ...
std::string ids_text(int count) {
  std::string text;
  for (int i = 1; i <= count; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "0192d3c4-0000-7000-8000-%012d", i);
    text += (text.empty() ? "" : ",") + std::string(id);
  }
  return text;
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
  EXPECT_FALSE(input.changes.tax_category) << "absent: the domain's default applies";
  EXPECT_FALSE(input.changes.weight_grams);

  const auto weighed = parse_product_create(platform::json::parse_object(
      create_with(R"("tax_category":"reduced","weight_grams":1000000)")));
  EXPECT_EQ(weighed.changes.tax_category, TaxCategory::reduced);
  EXPECT_EQ(weighed.changes.weight_grams, 1'000'000);
}

TEST(ProductInput, NamesTaxCategoryAndWeightWhenWrong) {
  EXPECT_EQ(create_error_field(create_with(R"("tax_category":"luxury")").c_str()), "tax_category");
  EXPECT_EQ(create_error_field(create_with(R"("tax_category":"")").c_str()), "tax_category");
  EXPECT_EQ(create_error_field(create_with(R"("tax_category":1)").c_str()), "tax_category");
  EXPECT_EQ(create_error_field(create_with(R"("weight_grams":-1)").c_str()), "weight_grams");
  EXPECT_EQ(create_error_field(create_with(R"("weight_grams":1000001)").c_str()), "weight_grams");
  EXPECT_EQ(create_error_field(create_with(R"("weight_grams":2.5)").c_str()), "weight_grams");
  EXPECT_EQ(create_error_field(create_with(R"("weight_grams":"200")").c_str()), "weight_grams");
  EXPECT_EQ(create_error_field(create_with(R"("weight_grams":0)").c_str()), "(accepted)");
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

  const auto weighed = parse_product_patch(
      platform::json::parse_object(R"({"tax_category":"zero","weight_grams":180})"));
  EXPECT_EQ(weighed.tax_category, TaxCategory::zero);
  EXPECT_EQ(weighed.weight_grams, 180);
  EXPECT_FALSE(weighed.title);
  for (const char* removal : {R"({"tax_category":null})", R"({"weight_grams":null})"}) {
    EXPECT_THROW(parse_product_patch(platform::json::parse_object(removal)), platform::Error)
        << removal;
  }
}

TEST(ProductQueryInput, ParsesIdsLowerCasedWithoutDuplicates) {
  const auto query = parse_product_query(list_request(
      {{"ids", "0192D3C4-0000-7000-8000-00000000000A,0192d3c4-0000-7000-8000-000000000002"},
       {"ids", "0192d3c4-0000-7000-8000-00000000000a"},
       {"status", "any"}}));
  EXPECT_EQ(query.ids, (std::vector<std::string>{"0192d3c4-0000-7000-8000-00000000000a",
                                                 "0192d3c4-0000-7000-8000-000000000002"}));
  EXPECT_EQ(query.statuses.size(), 3u);
  EXPECT_EQ(query.limit, 2) << "named products come on one page";
  EXPECT_EQ(parse_product_query(list_request({{"ids", ids_text(100)}})).ids.size(), 100u);
  EXPECT_EQ(parse_product_query(list_request({{"ids", ids_text(30)}, {"limit", "10"}})).limit, 10);
  EXPECT_EQ(parse_product_query(list_request({})).limit, 20);
  EXPECT_TRUE(parse_product_query(list_request({})).ids.empty());
}

TEST(ProductQueryInput, RejectsMalformedOrTooManyIdsNamingIds) {
  EXPECT_EQ(query_error_field({{"ids", ids_text(101)}}), "ids");
  EXPECT_EQ(query_error_field({{"ids", ids_text(60)}, {"ids", ids_text(41)}}), "ids");
  for (const char* bad :
       {"", ",", "nope", "0192d3c4-0000-7000-8000-000000000001,",
        ",0192d3c4-0000-7000-8000-000000000001",
        "0192d3c4-0000-7000-8000-000000000001,,0192d3c4-0000-7000-8000-000000000002",
        "0192d3c4-0000-7000-8000-000000000001 ", "0192d3c4000070008000000000000001",
        "0192d3c4-0000-7000-8000-00000000000g", "' OR 1=1 --"}) {
    EXPECT_EQ(query_error_field({{"ids", bad}}), "ids") << bad;
  }
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

TEST(ListStatement, PadsIdsToAFewStatementShapes) {
  std::set<std::string> shapes;
  for (std::size_t count = 1; count <= kMaxProductIds; ++count) {
    ProductQuery query;
    for (std::size_t i = 0; i < count; ++i) query.ids.push_back("id-" + std::to_string(i));
    query.statuses = {ProductStatus::draft, ProductStatus::active, ProductStatus::archived};
    const auto statement = build_list_statement(query);
    shapes.insert(statement.sql);
    // Every id is bound, the padding repeats the last one, nothing else is.
    std::set<std::string> bound;
    std::size_t id_parameters = statement.parameters.size() - 3 - 1;  // statuses, limit
    for (std::size_t i = 0; i < id_parameters; ++i) {
      bound.insert(std::get<std::string>(statement.parameters[i]));
    }
    EXPECT_EQ(bound.size(), count);
    EXPECT_GE(id_parameters, count);
    EXPECT_LE(id_parameters, std::max<std::size_t>(1, count * 2 - 1));
  }
  EXPECT_EQ(shapes.size(), 8u);  // 1, 2, 4, 8, 16, 32, 64 and 100 placeholders

  ProductQuery none;
  EXPECT_EQ(build_list_statement(none).sql.find("p.id IN"), std::string::npos);
}
