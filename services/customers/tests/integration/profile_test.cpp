#include <algorithm>

#include "customers_fixture.h"
#include "platform/ids.h"

namespace customers::testing {
namespace {

class Profile : public CustomersTest {};

TEST_P(Profile, TheOwnProfileExistsBeforeTheRegistrationArrives) {
  const auto reply = get("/v1/customers/me");
  ASSERT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("id").as_string(), customer_);
  EXPECT_TRUE(reply.body.at("email").is_null());
  EXPECT_EQ(reply.body.at("name").as_string(), "");
  EXPECT_TRUE(reply.body.at("phone").is_null());
  EXPECT_EQ(reply.body.at("preferences"),
            (boost::json::value{{"newsletter", false}, {"language", "en"}, {"currency", "EUR"}}));
  EXPECT_EQ(get("/v1/customers/" + customer_).body, reply.body) << "me and the id are the same";
}

TEST_P(Profile, AMergePatchChangesWhatItNames) {
  auto changed = patch("/v1/customers/me", {{"name", "Ada Lovelace"},
                                            {"phone", "+441234567890"},
                                            {"preferences", {{"newsletter", true}}}});
  ASSERT_EQ(changed.status, 200) << boost::json::serialize(changed.body);
  EXPECT_EQ(changed.body.at("name").as_string(), "Ada Lovelace");
  EXPECT_EQ(changed.body.at("phone").as_string(), "+441234567890");
  EXPECT_EQ(changed.body.at("preferences").at("newsletter").as_bool(), true);
  EXPECT_EQ(changed.body.at("preferences").at("language").as_string(), "en");

  changed =
      patch("/v1/customers/" + customer_,
            {{"phone", nullptr}, {"preferences", {{"language", "en-GB"}, {"currency", "GBP"}}}});
  ASSERT_EQ(changed.status, 200) << boost::json::serialize(changed.body);
  EXPECT_TRUE(changed.body.at("phone").is_null());
  EXPECT_EQ(changed.body.at("name").as_string(), "Ada Lovelace");
  EXPECT_EQ(changed.body.at("preferences"),
            (boost::json::value{{"newsletter", true}, {"language", "en-GB"}, {"currency", "GBP"}}));
  EXPECT_EQ(get("/v1/customers/me").body, changed.body);

  expect_problem(patch("/v1/customers/me", {{"nickname", "Ada"}}), 400, "unknown-field");
  const auto unknown = patch("/v1/customers/me", {{"preferences", {{"theme", "dark"}}}});
  expect_problem(unknown, 400, "unknown-field");
  EXPECT_EQ(unknown.body.at("field").as_string(), "preferences.theme");
  expect_problem(patch("/v1/customers/me", {{"phone", "0301234"}}), 400, "invalid-field");
  EXPECT_EQ(get("/v1/customers/me").body, changed.body) << "refused patches change nothing";
}

TEST_P(Profile, AdminsReadAnyoneButCreateNobody) {
  const auto ada = customer_;
  ASSERT_EQ(patch("/v1/customers/me", {{"name", "Ada"}}).status, 200);
  acting_as(admin_token());
  const auto read = get("/v1/customers/" + ada);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.body.at("name").as_string(), "Ada");
  EXPECT_EQ(patch("/v1/customers/" + ada, {{"name", "Ada L."}}).status, 200);

  const auto stranger = platform::new_uuid_v7();
  expect_problem(get("/v1/customers/" + stranger), 404, "customer-not-found");
  expect_problem(patch("/v1/customers/" + stranger, {{"name", "X"}}), 404, "customer-not-found");
  expect_problem(get("/v1/customers/" + stranger + "/addresses"), 404, "customer-not-found");
  expect_problem(post("/v1/customers/" + stranger + "/addresses", address()), 404,
                 "customer-not-found");
  expect_problem(get("/v1/customers/not-a-uuid"), 404, "customer-not-found");
  EXPECT_EQ(rows("customers", "id", stranger), 0);
}

TEST_P(Profile, AdminsListEveryoneNewestFirstPageByPage) {
  std::vector<std::string> created;
  for (int i = 0; i < 5; ++i) {
    created.push_back(new_customer());
    ASSERT_EQ(get("/v1/customers/me").status, 200);
  }
  acting_as(admin_token());
  // Other customers may exist (events replayed from a shared NATS stream):
  // walk every page and look for ours.
  std::vector<std::string> listed;
  std::string cursor;
  int pages = 0;
  while (true) {
    const auto page = get("/v1/customers?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(page.status, 200) << boost::json::serialize(page.body);
    const auto& items = page.body.at("items").as_array();
    EXPECT_LE(items.size(), 2u);
    for (const auto& item : items) listed.emplace_back(item.at("id").as_string());
    ++pages;
    ASSERT_LT(pages, 10000);
    if (page.body.at("next_cursor").is_null()) break;
    cursor = std::string(page.body.at("next_cursor").as_string());
  }
  EXPECT_TRUE(std::is_sorted(listed.rbegin(), listed.rend())) << "newest (largest id) first";
  EXPECT_EQ(std::adjacent_find(listed.begin(), listed.end()), listed.end()) << "no repeats";
  std::vector<std::string> ours;
  for (const auto& id : listed) {
    if (std::find(created.begin(), created.end(), id) != created.end()) ours.push_back(id);
  }
  std::sort(created.rbegin(), created.rend());
  EXPECT_EQ(ours, created);

  acting_as(issuer_.user_token(created.front()));
  expect_problem(get("/v1/customers"), 403, "forbidden");
}

INSTANTIATE_TEST_SUITE_P(Backends, Profile,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace customers::testing
