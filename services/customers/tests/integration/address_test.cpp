#include "customers_fixture.h"
#include "platform/ids.h"

namespace customers::testing {
namespace {

class Addresses : public CustomersTest {
 protected:
  std::string add(boost::json::object body) {
    const auto reply = post("/v1/customers/me/addresses", body);
    EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
    return reply.status == 201 ? std::string(reply.body.at("id").as_string()) : std::string();
  }
  // id -> {default shipping, default billing}
  std::map<std::string, std::pair<bool, bool>> defaults() {
    std::map<std::string, std::pair<bool, bool>> flags;
    const auto list = get("/v1/customers/me/addresses");
    for (const auto& item : list.body.at("items").as_array()) {
      flags[std::string(item.at("id").as_string())] = {item.at("is_default_shipping").as_bool(),
                                                       item.at("is_default_billing").as_bool()};
    }
    return flags;
  }
};

TEST_P(Addresses, CreateReadChangeDelete) {
  auto body = address();
  body["label"] = "Home";
  body["line2"] = "Hinterhaus";
  body["phone"] = "+4930123456";
  const auto created = post("/v1/customers/me/addresses", body);
  ASSERT_EQ(created.status, 201) << boost::json::serialize(created.body);
  const std::string id(created.body.at("id").as_string());
  EXPECT_TRUE(platform::is_uuid(id));
  EXPECT_EQ(created.headers.get("Location"), "/v1/customers/" + customer_ + "/addresses/" + id);
  EXPECT_EQ(created.body.at("label").as_string(), "Home");
  EXPECT_EQ(created.body.at("country").as_string(), "DE");
  EXPECT_FALSE(created.body.at("is_default_shipping").as_bool());
  EXPECT_TRUE(created.body.at("region").is_null());

  EXPECT_EQ(get("/v1/customers/me/addresses/" + id).body, created.body);
  const auto list = get("/v1/customers/" + customer_ + "/addresses");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.at("items"), (boost::json::array{created.body}));

  const auto changed =
      patch("/v1/customers/me/addresses/" + id, {{"city", "Potsdam"}, {"line2", nullptr}});
  ASSERT_EQ(changed.status, 200) << boost::json::serialize(changed.body);
  EXPECT_EQ(changed.body.at("city").as_string(), "Potsdam");
  EXPECT_TRUE(changed.body.at("line2").is_null());
  EXPECT_EQ(changed.body.at("label").as_string(), "Home");
  expect_problem(patch("/v1/customers/me/addresses/" + id, {{"country", "XX"}}), 400,
                 "invalid-field");
  expect_problem(patch("/v1/customers/me/addresses/" + id, {{"city", nullptr}}), 400,
                 "invalid-field");

  EXPECT_EQ(remove("/v1/customers/me/addresses/" + id).status, 204);
  expect_problem(get("/v1/customers/me/addresses/" + id), 404, "address-not-found");
  expect_problem(remove("/v1/customers/me/addresses/" + id), 404, "address-not-found");
  EXPECT_TRUE(get("/v1/customers/me/addresses").body.at("items").as_array().empty());
}

TEST_P(Addresses, ACustomerWithoutProfileHasNoAddressesYet) {
  const auto list = get("/v1/customers/me/addresses");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(list.body.at("items").as_array().empty());
}

TEST_P(Addresses, OneDefaultOfEachKind) {
  auto home = address("Home 1");
  home["is_default_shipping"] = true;
  home["is_default_billing"] = true;
  const auto first = add(home);
  const auto second = add(address("Office 2"));
  EXPECT_EQ(defaults()[first], (std::pair{true, true}));
  EXPECT_EQ(defaults()[second], (std::pair{false, false}));

  ASSERT_EQ(patch("/v1/customers/me/addresses/" + second, {{"is_default_shipping", true}}).status,
            200);
  EXPECT_EQ(defaults()[first], (std::pair{false, true})) << "shipping moved, billing stayed";
  EXPECT_EQ(defaults()[second], (std::pair{true, false}));

  auto third_body = address("Parents 3");
  third_body["is_default_billing"] = true;
  const auto third = add(third_body);
  EXPECT_EQ(defaults()[first], (std::pair{false, false}));
  EXPECT_EQ(defaults()[third], (std::pair{false, true}));

  ASSERT_EQ(patch("/v1/customers/me/addresses/" + third, {{"is_default_billing", false}}).status,
            200);
  int billing_defaults = 0;
  for (const auto& [id, flags] : defaults()) billing_defaults += flags.second ? 1 : 0;
  EXPECT_EQ(billing_defaults, 0);
}

TEST_P(Addresses, AtMostTwentyPerCustomer) {
  for (int i = 0; i < 20; ++i) add(address("Street " + std::to_string(i)));
  expect_problem(post("/v1/customers/me/addresses", address("One too many")), 409,
                 "address-limit-reached");
  EXPECT_EQ(get("/v1/customers/me/addresses").body.at("items").as_array().size(), 20u);
}

TEST_P(Addresses, AnIdempotencyKeyMakesARetryHarmless) {
  platform::http::Headers key;
  key.set("Idempotency-Key", "address-retry-1");
  const auto first = post("/v1/customers/me/addresses", address(), key);
  ASSERT_EQ(first.status, 201);
  const auto retry = post("/v1/customers/me/addresses", address(), key);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.headers.get("Idempotent-Replayed"), "true");
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.headers.get("Location"), first.headers.get("Location"));
  EXPECT_EQ(get("/v1/customers/me/addresses").body.at("items").as_array().size(), 1u);
  expect_problem(post("/v1/customers/me/addresses", address("Other street"), key), 422,
                 "idempotency-key-reused");

  // Another customer's same key on the same /me/ path is theirs alone.
  new_customer();
  const auto theirs = post("/v1/customers/me/addresses", address(), key);
  ASSERT_EQ(theirs.status, 201);
  EXPECT_TRUE(theirs.headers.get("Idempotent-Replayed").empty());
  EXPECT_NE(theirs.body.at("id"), first.body.at("id"));
}

INSTANTIATE_TEST_SUITE_P(Backends, Addresses,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace customers::testing
