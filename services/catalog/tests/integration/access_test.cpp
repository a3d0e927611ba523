#include "catalog_fixture.h"

namespace catalog::testing {
namespace {

using platform::http::Method;

class Access : public CatalogTest {};

TEST_P(Access, AnyoneBrowsesNobodyElseChangesTheCatalog) {
  create_categories();
  const auto lamp = create_product("ACC-1", 1000, 5);

  acting_as("");
  EXPECT_EQ(get("/v1/products").status, 200);
  EXPECT_EQ(get("/v1/products/" + lamp).status, 200);
  EXPECT_EQ(get("/v1/categories").status, 200);
  expect_problem(post("/v1/products", {{"sku", "X"}}), 401, "unauthenticated");
  expect_problem(get("/v1/products/" + lamp + "/inventory"), 401, "unauthenticated");
  expect_problem(call(Method::delete_, "/v1/products/" + lamp), 401, "unauthenticated");

  acting_as(issuer_.user_token("0190d5a0-0000-7000-8000-000000000001"));
  expect_problem(post("/v1/categories", {{"slug", "toys"}, {"name", "Toys"}}), 403, "forbidden");
  expect_problem(call(Method::patch, "/v1/products/" + lamp, R"({"title":"Mine"})",
                      "application/merge-patch+json"),
                 403, "forbidden");
  expect_problem(post("/v1/products/" + lamp + "/inventory/adjustments", {{"delta", 100}}), 403,
                 "forbidden");
  expect_problem(post("/v1/reservations", {{"order_id", "o-1"},
                                           {"lines", {{{"product_id", lamp}, {"quantity", 1}}}}}),
                 403, "forbidden");
  expect_problem(call(Method::post, "/v1/products/import", "{}\n", "application/x-ndjson"), 403,
                 "forbidden");
}

TEST_P(Access, ServicesGetWhatTheirScopesGrant) {
  create_categories();
  const auto lamp = create_product("ACC-2", 1000, 5);

  acting_as(issuer_.service_token("orders", "catalog.reservations"));
  EXPECT_EQ(post("/v1/reservations", {{"order_id", "o-2"},
                                      {"lines", {{{"product_id", lamp}, {"quantity", 1}}}}})
                .status,
            201);
  EXPECT_EQ(get("/v1/products/" + lamp + "/inventory").status, 200);
  expect_problem(post("/v1/products/" + lamp + "/inventory/adjustments", {{"delta", 1}}), 403,
                 "forbidden");

  acting_as(issuer_.service_token("loader", "catalog.write"));
  EXPECT_EQ(post("/v1/products/" + lamp + "/inventory/adjustments", {{"delta", 1}}).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, Access,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace catalog::testing
