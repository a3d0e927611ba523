#include <mutex>
#include <set>

#include "customers_fixture.h"
#include "platform/ids.h"

namespace customers::testing {
namespace {

class Wishlist : public CustomersTest {};

std::vector<std::string> product_ids(const Reply& reply) {
  std::vector<std::string> ids;
  for (const auto& item : reply.body.at("items").as_array()) {
    ids.emplace_back(item.at("product_id").as_string());
  }
  return ids;
}

TEST_P(Wishlist, PutIsIdempotentAndDeleteRemoves) {
  const auto added = put("/v1/customers/me/wishlist/lamp-1");
  ASSERT_EQ(added.status, 201) << boost::json::serialize(added.body);
  EXPECT_EQ(added.body.at("product_id").as_string(), "lamp-1");
  const auto again = put("/v1/customers/me/wishlist/lamp-1");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, added.body) << "the first addition stands";
  ASSERT_EQ(put("/v1/customers/me/wishlist/SKU%2F42").status, 201);

  const auto list = get("/v1/customers/me/wishlist");
  ASSERT_EQ(list.status, 200);
  const auto ids = product_ids(list);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()),
            (std::set<std::string>{"lamp-1", "SKU/42"}));

  EXPECT_EQ(remove("/v1/customers/me/wishlist/lamp-1").status, 204);
  expect_problem(remove("/v1/customers/me/wishlist/lamp-1"), 404, "wishlist-item-not-found");
  EXPECT_EQ(product_ids(get("/v1/customers/me/wishlist")), (std::vector<std::string>{"SKU/42"}));
  expect_problem(put("/v1/customers/me/wishlist/" + std::string(65, 'x')), 400, "invalid-field");
}

TEST_P(Wishlist, HoldsAtMostTwoHundredProducts) {
  for (int i = 0; i < 200; ++i) {
    ASSERT_EQ(put("/v1/customers/me/wishlist/p-" + std::to_string(i)).status, 201) << i;
  }
  expect_problem(put("/v1/customers/me/wishlist/one-more"), 409, "wishlist-full");
  EXPECT_EQ(put("/v1/customers/me/wishlist/p-7").status, 200) << "what is there may be put again";
  EXPECT_EQ(get("/v1/customers/me/wishlist").body.at("items").as_array().size(), 200u);
}

class RecentlyViewed : public CustomersTest {};

TEST_P(RecentlyViewed, KeepsTheNewestFiftyAndListsNewestFirst) {
  for (int i = 0; i < 55; ++i) {
    const auto reply =
        post("/v1/customers/me/recently-viewed", {{"product_id", "p-" + std::to_string(i)}});
    ASSERT_EQ(reply.status, 204) << boost::json::serialize(reply.body);
  }
  std::vector<std::string> expected;
  for (int i = 54; i >= 35; --i) expected.push_back("p-" + std::to_string(i));
  EXPECT_EQ(product_ids(get("/v1/customers/me/recently-viewed")), expected) << "20 by default";

  const auto all = product_ids(get("/v1/customers/me/recently-viewed?limit=50"));
  ASSERT_EQ(all.size(), 50u);
  EXPECT_EQ(all.front(), "p-54");
  EXPECT_EQ(all.back(), "p-5") << "p-0 to p-4 were dropped";
  EXPECT_EQ(rows("recently_viewed", "customer_id", customer_), 50);

  // Seeing a product again moves it to the front without a duplicate.
  ASSERT_EQ(post("/v1/customers/me/recently-viewed", {{"product_id", "p-40"}}).status, 204);
  const auto after = product_ids(get("/v1/customers/me/recently-viewed?limit=50"));
  EXPECT_EQ(after.front(), "p-40");
  EXPECT_EQ(std::count(after.begin(), after.end(), "p-40"), 1);
  expect_problem(get("/v1/customers/me/recently-viewed?limit=51"), 400, "invalid-field");
}

TEST_P(RecentlyViewed, PublishesEachView) {
  std::mutex mutex;
  std::vector<boost::json::object> views;
  auto subscription = bus_->subscribe({.durable_name = "views-" + platform::random_hex(4),
                                       .subject_filter = "customers.product.viewed"},
                                      [&](const platform::bus::Event& event) {
                                        auto data = boost::json::parse(event.data).as_object();
                                        std::lock_guard lock(mutex);
                                        if (data.at("customer_id").as_string() == customer_)
                                          views.push_back(std::move(data));
                                      });
  ASSERT_EQ(post("/v1/customers/me/recently-viewed", {{"product_id", "lamp-9"}}).status, 204);
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return !views.empty();
  }));
  std::lock_guard lock(mutex);
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].at("product_id").as_string(), "lamp-9");
  const auto listed = get("/v1/customers/me/recently-viewed");
  EXPECT_EQ(views[0].at("viewed_at"), listed.body.at("items").at(0).at("viewed_at"));
}

INSTANTIATE_TEST_SUITE_P(Backends, Wishlist,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);
INSTANTIATE_TEST_SUITE_P(Backends, RecentlyViewed,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace customers::testing
