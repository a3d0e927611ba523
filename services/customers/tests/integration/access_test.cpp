#include "customers_fixture.h"
#include "platform/ids.h"

namespace customers::testing {
namespace {

using platform::http::Method;

class Access : public CustomersTest {};

TEST_P(Access, CustomersOnlyReachTheirOwnData) {
  // Bea has a profile, an address and a wishlist.
  const auto bea = customer_;
  const auto bea_token = api_.token();
  ASSERT_EQ(patch("/v1/customers/me", {{"name", "Bea"}}).status, 200);
  const auto bea_address = post("/v1/customers/me/addresses", address());
  ASSERT_EQ(bea_address.status, 201);
  const std::string address_id(bea_address.body.at("id").as_string());
  ASSERT_EQ(put("/v1/customers/me/wishlist/lamp-1").status, 201);

  // Ada may not read or change any of it through Bea's id...
  new_customer();
  const auto of_bea = "/v1/customers/" + bea;
  for (const auto& path :
       {of_bea, of_bea + "/export", of_bea + "/addresses", of_bea + "/addresses/" + address_id,
        of_bea + "/wishlist", of_bea + "/recently-viewed", of_bea + "/orders"}) {
    SCOPED_TRACE(path);
    expect_problem(get(path), 403, "forbidden");
  }
  expect_problem(patch(of_bea, {{"name", "Mallory"}}), 403, "forbidden");
  expect_problem(remove(of_bea), 403, "forbidden");
  expect_problem(post(of_bea + "/addresses", address()), 403, "forbidden");
  expect_problem(patch(of_bea + "/addresses/" + address_id, {{"city", "Elsewhere"}}), 403,
                 "forbidden");
  expect_problem(remove(of_bea + "/addresses/" + address_id), 403, "forbidden");
  expect_problem(put(of_bea + "/wishlist/lamp-2"), 403, "forbidden");
  expect_problem(remove(of_bea + "/wishlist/lamp-1"), 403, "forbidden");
  expect_problem(post(of_bea + "/recently-viewed", {{"product_id", "lamp-1"}}), 403, "forbidden");

  // ...nor reach Bea's address through her own path: it is not hers.
  const auto through_mine = "/v1/customers/me/addresses/" + address_id;
  expect_problem(get(through_mine), 404, "address-not-found");
  expect_problem(patch(through_mine, {{"city", "Elsewhere"}}), 404, "address-not-found");
  expect_problem(remove(through_mine), 404, "address-not-found");

  acting_as(bea_token);
  const auto unchanged = get("/v1/customers/me/addresses/" + address_id);
  EXPECT_EQ(unchanged.body, bea_address.body);
  EXPECT_EQ(get("/v1/customers/me").body.at("name").as_string(), "Bea");
  EXPECT_EQ(get("/v1/customers/me/wishlist").body.at("items").as_array().size(), 1u);
}

TEST_P(Access, AdminsReachEveryone) {
  const auto bea = customer_;
  const auto created = post("/v1/customers/me/addresses", address());
  ASSERT_EQ(created.status, 201);
  const std::string address_id(created.body.at("id").as_string());

  acting_as(admin_token());
  const auto of_bea = "/v1/customers/" + bea;
  EXPECT_EQ(get(of_bea + "/addresses/" + address_id).status, 200);
  EXPECT_EQ(patch(of_bea + "/addresses/" + address_id, {{"city", "Potsdam"}}).status, 200);
  EXPECT_EQ(put(of_bea + "/wishlist/lamp-1").status, 201);
  EXPECT_EQ(get(of_bea + "/wishlist").body.at("items").as_array().size(), 1u);
  EXPECT_EQ(get(of_bea + "/orders").status, 200);
  EXPECT_EQ(get(of_bea + "/export").status, 200);
  EXPECT_EQ(get("/v1/customers?limit=1").status, 200);
}

TEST_P(Access, ServiceTokensAndAnonymousCallersAreRefused) {
  const auto bea = customer_;
  ASSERT_EQ(get("/v1/customers/me").status, 200);
  // A service's subject could even equal a customer's id: still not a user.
  for (const auto& token : {issuer_.service_token("orders", "customers.read customers.write"),
                            issuer_.service_token(bea, "customers.read")}) {
    acting_as(token);
    expect_problem(get("/v1/customers"), 403, "forbidden");
    expect_problem(get("/v1/customers/" + bea), 403, "forbidden");
    expect_problem(get("/v1/customers/me"), 403, "forbidden");
    expect_problem(patch("/v1/customers/" + bea, {{"name", "X"}}), 403, "forbidden");
    expect_problem(remove("/v1/customers/" + bea), 403, "forbidden");
    expect_problem(get("/v1/customers/" + bea + "/export"), 403, "forbidden");
    expect_problem(post("/v1/customers/" + bea + "/addresses", address()), 403, "forbidden");
    expect_problem(put("/v1/customers/" + bea + "/wishlist/lamp-1"), 403, "forbidden");
    expect_problem(get("/v1/customers/" + bea + "/orders"), 403, "forbidden");
  }
  acting_as("");
  expect_problem(get("/v1/customers/me"), 401, "unauthenticated");
  expect_problem(get("/v1/customers"), 401, "unauthenticated");
  acting_as("not.a.token");
  expect_problem(get("/v1/customers/me"), 401, "invalid-token");
  acting_as("");
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(get("/openapi.yaml").status, 200);
  EXPECT_EQ(rows("customers", "id", bea), 1) << "nothing above created or removed anything";
}

INSTANTIATE_TEST_SUITE_P(Backends, Access,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace customers::testing
