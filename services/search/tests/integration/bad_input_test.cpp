#include "platform/http/client.h"
#include "platform/testing/openapi.h"
#include "search_fixture.h"

namespace search::testing {
namespace {

class BadInput : public SearchTest {};

void expect_field(const Reply& reply, int status, const std::string& code,
                  const std::string& field) {
  expect_problem(reply, status, code);
  if (reply.body.is_object() && reply.body.as_object().contains("field")) {
    EXPECT_EQ(reply.body.at("field").as_string(), field);
  } else {
    ADD_FAILURE() << "no field named in " << boost::json::serialize(reply.body);
  }
}

TEST_F(BadInput, EachBadParameterIsNamed) {
  expect_field(get("/v1/search?q=" + std::string(201, 'a')), 400, "invalid-field", "q");
  expect_field(get("/v1/search?q=%FF%FE"), 400, "invalid-field", "q");
  expect_field(get("/v1/search?q=lamp&colour=red"), 400, "unknown-parameter", "colour");
  for (const char* limit : {"0", "101", "abc", "-1", "99999999999999999999"}) {
    SCOPED_TRACE(limit);
    expect_field(get(std::string("/v1/search?limit=") + limit), 400, "invalid-field", "limit");
  }
  expect_field(get("/v1/search?min_price=-5"), 400, "invalid-field", "min_price");
  expect_field(get("/v1/search?min_price=500&max_price=100"), 400, "invalid-field", "max_price");
  expect_field(get("/v1/search?sort=cheapest"), 400, "invalid-field", "sort");
  expect_field(get("/v1/search?in_stock=maybe"), 400, "invalid-field", "in_stock");
  expect_field(get("/v1/search?facets=2"), 400, "invalid-field", "facets");
  for (const char* category : {"../etc", "Phones", "phones//cases", "/phones", "phones/"}) {
    SCOPED_TRACE(category);
    expect_field(get(std::string("/v1/search?category=") + category), 400, "invalid-field",
                 "category");
  }
  std::string brands;
  for (int i = 0; i < 21; ++i) brands += "&brand=b" + std::to_string(i);
  expect_field(get("/v1/search?q=x" + brands), 400, "invalid-field", "brand");
  expect_field(get("/v1/search?cursor=%00%01"), 400, "invalid-field", "cursor");
  expect_field(get("/v1/search/suggest"), 400, "invalid-field", "q");
  expect_field(get("/v1/search/suggest?q=a&limit=50"), 400, "invalid-field", "limit");
}

TEST_F(BadInput, OddButValidQueriesAnswer) {
  CatalogProduct lamp{.title = "Copper Reading Lamp"};
  publish(lamp);
  settle();
  for (const char* query :
       {"q=", "q=%22", "q=%22%22%22", "q=*", "q=lamp*", "q=-lamp", "q=(lamp", "q=lamp%20AND%20OR",
        "q=%E2%84%A2", "q=%F0%9F%92%A1", "q=%20%20%20", "q=a%27b", "q=%26%26", "q=100%25"}) {
    SCOPED_TRACE(query);
    EXPECT_EQ(get(std::string("/v1/search?") + query).status, 200);
    EXPECT_EQ(get(std::string("/v1/search/suggest?") + query + "x").status, 200);
  }
  EXPECT_EQ(search("q=" + std::string(200, 'a')).at("total"), 0);
  EXPECT_EQ(search("q=" + std::string(60, 'x') + "%20lamp").at("relaxed"), true);
}

TEST_F(BadInput, TheIndexRoutesAreForAdminsOnly) {
  expect_problem(get("/v1/search/index"), 401, "unauthenticated");
  expect_problem(post("/v1/search/reindex", boost::json::object{}), 401, "unauthenticated");
  acting_as(issuer_.user_token("0192d3c4-0000-7000-8000-00000000c001"));
  expect_problem(get("/v1/search/index"), 403, "forbidden");
  expect_problem(post("/v1/search/reindex", boost::json::object{}), 403, "forbidden");
  acting_as(issuer_.service_token("orders", "orders.place"));
  expect_problem(get("/v1/search/index"), 403, "forbidden");

  acting_as(issuer_.admin_token());
  const auto index = get("/v1/search/index");
  ASSERT_EQ(index.status, 200) << boost::json::serialize(index.body);
  EXPECT_EQ(index.body.at("generation"), 1);
  EXPECT_TRUE(index.body.at("reindex").is_null());
  expect_problem(post("/v1/search/reindex", boost::json::object{}), 422, "reindex-unavailable");
  expect_problem(call(platform::http::Method::post, "/v1/search"), 405, "method-not-allowed");
}

TEST_F(BadInput, RoutesAndDocumentAgree) {
  platform::testing::expect_router_matches_document(service_->routes(),
                                                    openapi_document().front().content);
  platform::testing::expect_operational_routes(url(""));
}

}  // namespace
}  // namespace search::testing
