#include "customers_fixture.h"
#include "platform/clock.h"
#include "platform/ids.h"

namespace customers::testing {
namespace {

boost::json::object registration(const std::string& user_id, const std::string& email,
                                 const std::string& name) {
  return {{"user_id", user_id},
          {"email", email},
          {"name", name},
          {"registered_at", "2026-03-01T10:00:00Z"}};
}

boost::json::object order(const std::string& order_id, const std::string& customer_id,
                          const std::string& status, const std::string& placed_at,
                          std::int64_t amount = 4999) {
  return {{"order_id", order_id}, {"customer_id", customer_id},
          {"status", status},     {"total", {{"amount", amount}, {"currency", "EUR"}}},
          {"item_count", 2},      {"placed_at", placed_at}};
}

class Registrations : public CustomersTest {};

TEST_P(Registrations, ARegisteredUserBecomesACustomer) {
  const auto id = platform::new_uuid_v7();
  const auto email = "ada." + platform::random_hex(4) + "@example.com";
  publish("auth.user.registered", registration(id, email, "Ada Lovelace"));
  ASSERT_TRUE(eventually([&] { return rows("customers", "id", id) == 1; }));

  acting_as(admin_token());
  const auto profile = get("/v1/customers/" + id);
  ASSERT_EQ(profile.status, 200);
  EXPECT_EQ(profile.body.at("email").as_string(), email);
  EXPECT_EQ(profile.body.at("name").as_string(), "Ada Lovelace");
  EXPECT_EQ(profile.body.at("created_at").as_string(), "2026-03-01T10:00:00.000Z");

  // Found by email, whatever its case.
  std::string upper = email;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto found = get("/v1/customers?email=" + upper);
  ASSERT_EQ(found.status, 200) << boost::json::serialize(found.body);
  ASSERT_EQ(found.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(found.body.at("items").at(0).at("id").as_string(), id);
  EXPECT_TRUE(found.body.at("next_cursor").is_null());
}

TEST_P(Registrations, CompletesAProfileTheCustomerMadeFirst) {
  ASSERT_EQ(patch("/v1/customers/me", {{"name", "Ada"}}).status, 200);
  const auto email = "first." + platform::random_hex(4) + "@example.com";
  publish("auth.user.registered", registration(customer_, email, "Ada Lovelace"));
  ASSERT_TRUE(eventually([&] { return !get("/v1/customers/me").body.at("email").is_null(); }));
  const auto profile = get("/v1/customers/me");
  EXPECT_EQ(profile.body.at("email").as_string(), email);
  EXPECT_EQ(profile.body.at("name").as_string(), "Ada") << "the customer's own name stays";

  // A customer who never set a name gets the one they registered with.
  const auto bea = new_customer();
  ASSERT_EQ(get("/v1/customers/me").status, 200);
  publish("auth.user.registered",
          registration(bea, "bea." + platform::random_hex(4) + "@example.com", "Bea"));
  ASSERT_TRUE(eventually([&] { return get("/v1/customers/me").body.at("name") == "Bea"; }));
}

TEST_P(Registrations, AnEventThatCanNeverApplyIsAcknowledgedNotRetried) {
  publish("auth.user.registered", {{"user_id", "not-a-uuid"}, {"email", "x@example.com"}});
  // Events are handled in order: once the next one is in, the bad one was seen.
  const auto next = platform::new_uuid_v7();
  publish("auth.user.registered", registration(next, "next@example.com", "Next"));
  ASSERT_TRUE(eventually([&] { return rows("customers", "id", next) == 1; }));
  EXPECT_GE(events_counted("auth.user.registered", "invalid"), 1u);
  EXPECT_EQ(events_counted("auth.user.registered", "failed"), 0u);
}

class OrderHistory : public CustomersTest {
 protected:
  std::vector<std::pair<std::string, std::string>> orders(const std::string& query = "") {
    std::vector<std::pair<std::string, std::string>> listed;
    const auto reply = get("/v1/customers/me/orders" + query);
    EXPECT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
    for (const auto& item : reply.body.at("items").as_array()) {
      listed.emplace_back(item.at("order_id").as_string(), item.at("status").as_string());
    }
    return listed;
  }
};

TEST_P(OrderHistory, OrderEventsBuildTheHistory) {
  const auto first = "o-" + platform::random_hex(6);
  const auto second = "o-" + platform::random_hex(6);
  publish("orders.order.placed", order(first, customer_, "placed", "2026-03-01T10:00:00Z"),
          "2026-03-01T10:00:00.000Z");
  publish("orders.order.placed", order(second, customer_, "placed", "2026-03-02T10:00:00Z", 1500),
          "2026-03-02T10:00:00.000Z");
  publish("orders.order.paid", order(first, customer_, "paid", "2026-03-01T10:00:00Z"),
          "2026-03-01T10:05:00.000Z");
  ASSERT_TRUE(eventually([&] {
    return orders() == decltype(orders()){{second, "placed"}, {first, "paid"}};
  })) << "newest first";

  const auto page = get("/v1/customers/me/orders?limit=1");
  ASSERT_EQ(page.body.at("items").as_array().size(), 1u);
  const auto& latest = page.body.at("items").at(0);
  EXPECT_EQ(latest.at("order_id").as_string(), second);
  EXPECT_EQ(latest.at("total"), (boost::json::value{{"amount", 1500}, {"currency", "EUR"}}));
  EXPECT_EQ(latest.at("item_count").as_int64(), 2);
  EXPECT_EQ(latest.at("placed_at").as_string(), "2026-03-02T10:00:00.000Z");
  const std::string cursor(page.body.at("next_cursor").as_string());
  const auto next = get("/v1/customers/me/orders?limit=1&cursor=" + cursor);
  EXPECT_EQ(next.body.at("items").at(0).at("order_id").as_string(), first);
  EXPECT_TRUE(next.body.at("next_cursor").is_null());
}

TEST_P(OrderHistory, AnOlderEventDoesNotOverwriteANewerStatus) {
  const auto id = "o-" + platform::random_hex(6);
  publish("orders.order.shipped", order(id, customer_, "shipped", "2026-03-01T10:00:00Z"),
          "2026-03-01T12:00:00.000Z");
  ASSERT_TRUE(eventually([&] { return orders() == decltype(orders()){{id, "shipped"}}; }));
  const auto stale_before = events_counted("orders.order.paid", "stale");
  // Delivered late: it happened before the shipment.
  publish("orders.order.paid", order(id, customer_, "paid", "2026-03-01T10:00:00Z"),
          "2026-03-01T11:00:00.000Z");
  // Events are handled in order: once the next one is in, the late one was seen.
  const auto next = "o-" + platform::random_hex(6);
  publish("orders.order.placed", order(next, customer_, "placed", "2026-02-01T10:00:00Z"));
  ASSERT_TRUE(eventually([&] { return rows("order_history", "order_id", next) == 1; }));
  EXPECT_GT(events_counted("orders.order.paid", "stale"), stale_before);
  EXPECT_EQ(orders(), (decltype(orders()){{id, "shipped"}, {next, "placed"}}));

  publish("orders.order.delivered", order(id, customer_, "delivered", "2026-03-01T10:00:00Z"),
          "2026-03-02T09:00:00.000Z");
  ASSERT_TRUE(eventually([&] {
    return orders().front() == std::pair{id, std::string("delivered")};
  }));
  const auto order_json = get("/v1/customers/me/orders").body.at("items").at(0);
  EXPECT_EQ(order_json.at("updated_at").as_string(), "2026-03-02T09:00:00.000Z");
}

TEST_P(OrderHistory, AnOrderOfAnUnknownCustomerCreatesTheProfile) {
  const auto id = "o-" + platform::random_hex(6);
  publish("orders.order.placed", order(id, customer_, "placed", "2026-03-01T10:00:00Z"));
  ASSERT_TRUE(eventually([&] { return rows("order_history", "order_id", id) == 1; }));
  EXPECT_EQ(rows("customers", "id", customer_), 1);
  acting_as(admin_token());
  EXPECT_EQ(get("/v1/customers/" + customer_ + "/orders").body.at("items").as_array().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Registrations,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);
INSTANTIATE_TEST_SUITE_P(Backends, OrderHistory,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace customers::testing
