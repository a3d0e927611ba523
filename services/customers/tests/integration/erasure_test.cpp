#include <mutex>

#include "customers_fixture.h"
#include "platform/ids.h"

namespace customers::testing {
namespace {

class Erasure : public CustomersTest {
 protected:
  // A customer with one of everything; returns the order id.
  std::string hold_everything() {
    EXPECT_EQ(patch("/v1/customers/me", {{"name", "Ada"}, {"phone", "+4930123456"}}).status, 200);
    EXPECT_EQ(post("/v1/customers/me/addresses", address()).status, 201);
    EXPECT_EQ(put("/v1/customers/me/wishlist/lamp-1").status, 201);
    EXPECT_EQ(post("/v1/customers/me/recently-viewed", {{"product_id", "lamp-2"}}).status, 204);
    const auto order_id = "o-" + platform::random_hex(6);
    publish("orders.order.placed", {{"order_id", order_id},
                                    {"customer_id", customer_},
                                    {"status", "placed"},
                                    {"total", {{"amount", 999}, {"currency", "EUR"}}},
                                    {"item_count", 1},
                                    {"placed_at", "2026-03-01T10:00:00Z"}});
    EXPECT_TRUE(eventually([&] { return rows("order_history", "order_id", order_id) == 1; }));
    return order_id;
  }
};

TEST_P(Erasure, TheExportHoldsEverything) {
  const auto order_id = hold_everything();
  const auto exported = get("/v1/customers/me/export");
  ASSERT_EQ(exported.status, 200) << boost::json::serialize(exported.body);
  EXPECT_EQ(exported.headers.get("Content-Disposition"),
            "attachment; filename=\"customer-" + customer_ + ".json\"");
  const auto& body = exported.body;
  EXPECT_EQ(body.at("customer"), get("/v1/customers/me").body);
  EXPECT_EQ(body.at("addresses"), get("/v1/customers/me/addresses").body.at("items"));
  EXPECT_EQ(body.at("wishlist"), get("/v1/customers/me/wishlist").body.at("items"));
  EXPECT_EQ(body.at("recently_viewed"), get("/v1/customers/me/recently-viewed").body.at("items"));
  ASSERT_EQ(body.at("orders").as_array().size(), 1u);
  EXPECT_EQ(body.at("orders").at(0).at("order_id").as_string(), order_id);
  EXPECT_TRUE(body.at("exported_at").is_string());
  EXPECT_EQ(body.at("addresses").as_array().size(), 1u);
  EXPECT_EQ(body.at("wishlist").as_array().size(), 1u);
  EXPECT_EQ(body.at("recently_viewed").as_array().size(), 1u);
}

TEST_P(Erasure, DeletingRemovesEverythingAndTellsTheOtherServices) {
  std::mutex mutex;
  std::vector<std::string> erased;
  auto subscription = bus_->subscribe({.durable_name = "erasures-" + platform::random_hex(4),
                                       .subject_filter = "customers.customer.deleted"},
                                      [&](const platform::bus::Event& event) {
                                        const auto data =
                                            boost::json::parse(event.data).as_object();
                                        std::lock_guard lock(mutex);
                                        erased.emplace_back(data.at("customer_id").as_string());
                                      });
  hold_everything();
  platform::http::Headers key;
  key.set("Idempotency-Key", "erasure-" + platform::random_hex(4));
  ASSERT_EQ(post("/v1/customers/me/addresses", address("Kept for replay"), key).status, 201);

  ASSERT_EQ(remove("/v1/customers/me").status, 204);
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return std::count(erased.begin(), erased.end(), customer_) == 1;
  }));
  for (const auto& [table, column] :
       std::vector<std::pair<std::string, std::string>>{{"customers", "id"},
                                                        {"addresses", "customer_id"},
                                                        {"wishlist_items", "customer_id"},
                                                        {"recently_viewed", "customer_id"},
                                                        {"order_history", "customer_id"},
                                                        {"idempotency_keys", "scope"}}) {
    const auto value = table == "idempotency_keys" ? "customers/" + customer_ : customer_;
    EXPECT_EQ(rows(table, column, value), 0) << table;
  }

  // The token still works for a while: the customer stays gone.
  expect_problem(get("/v1/customers/me"), 404, "customer-not-found");
  expect_problem(get("/v1/customers/me/export"), 404, "customer-not-found");
  expect_problem(put("/v1/customers/me/wishlist/lamp-1"), 404, "customer-not-found");
  EXPECT_TRUE(get("/v1/customers/me/addresses").body.at("items").as_array().empty());
  EXPECT_EQ(remove("/v1/customers/me").status, 204) << "erasing twice is harmless";

  // A registration that arrives late does not bring the customer back.
  publish("auth.user.registered", {{"user_id", customer_},
                                   {"email", "late@example.com"},
                                   {"name", "Late"},
                                   {"registered_at", "2026-03-01T10:00:00Z"}});
  const auto next = platform::new_uuid_v7();
  publish("auth.user.registered", {{"user_id", next},
                                   {"email", "next@example.com"},
                                   {"name", "Next"},
                                   {"registered_at", "2026-03-01T10:00:00Z"}});
  ASSERT_TRUE(eventually([&] { return rows("customers", "id", next) == 1; }));
  EXPECT_EQ(rows("customers", "id", customer_), 0);
  std::lock_guard lock(mutex);
  EXPECT_EQ(std::count(erased.begin(), erased.end(), customer_), 1) << "one event only";
}

TEST_P(Erasure, AdminsEraseAnyoneButNobodyUnknown) {
  const auto ada = customer_;
  ASSERT_EQ(get("/v1/customers/me").status, 200);
  acting_as(admin_token());
  expect_problem(remove("/v1/customers/" + platform::new_uuid_v7()), 404, "customer-not-found");
  EXPECT_EQ(remove("/v1/customers/" + ada).status, 204);
  expect_problem(get("/v1/customers/" + ada), 404, "customer-not-found");
}

INSTANTIATE_TEST_SUITE_P(Backends, Erasure,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace customers::testing
