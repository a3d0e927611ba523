#include <atomic>
#include <thread>

#include "catalog_fixture.h"

namespace catalog::testing {
namespace {

using namespace std::chrono_literals;

class Reservations : public CatalogTest {
 protected:
  Reply reserve(const std::string& order, const std::string& product, std::int64_t quantity,
                std::int64_t hold_seconds = 900) {
    return post("/v1/reservations",
                {{"order_id", order},
                 {"hold_seconds", hold_seconds},
                 {"lines", {{{"product_id", product}, {"quantity", quantity}}}}});
  }
  std::int64_t available(const std::string& product) {
    return get("/v1/products/" + product + "/inventory").body.at("available").as_int64();
  }
  std::int64_t on_hand(const std::string& product) {
    return get("/v1/products/" + product + "/inventory").body.at("on_hand").as_int64();
  }
};

TEST_P(Reservations, HoldConfirmAndReleaseMoveStock) {
  create_categories();
  const auto lamp = create_product("R-1", 100, 10);
  auto held = reserve("order-1", lamp, 3);
  ASSERT_EQ(held.status, 201) << boost::json::serialize(held.body);
  EXPECT_EQ(available(lamp), 7);
  EXPECT_EQ(on_hand(lamp), 10);
  const std::string id(held.body.at("id").as_string());

  auto confirmed = post("/v1/reservations/" + id + "/confirm", boost::json::object{});
  ASSERT_EQ(confirmed.status, 200);
  EXPECT_EQ(confirmed.body.at("status").as_string(), "confirmed");
  EXPECT_EQ(on_hand(lamp), 7);
  EXPECT_EQ(available(lamp), 7);
  EXPECT_EQ(post("/v1/reservations/" + id + "/confirm", boost::json::object{}).status, 200)
      << "confirm is idempotent";
  EXPECT_EQ(on_hand(lamp), 7);
  expect_problem(post("/v1/reservations/" + id + "/release", boost::json::object{}), 409,
                 "reservation-confirmed");

  auto second = reserve("order-2", lamp, 2);
  const std::string second_id(second.body.at("id").as_string());
  EXPECT_EQ(available(lamp), 5);
  ASSERT_EQ(post("/v1/reservations/" + second_id + "/release", boost::json::object{}).status, 200);
  EXPECT_EQ(available(lamp), 7);
  EXPECT_EQ(post("/v1/reservations/" + second_id + "/release", boost::json::object{}).status, 200);
  EXPECT_EQ(available(lamp), 7) << "release is idempotent";

  platform::http::Client client;
  const auto metrics = client.get(url("/metrics")).body;
  EXPECT_NE(metrics.find("catalog_reservations_total{outcome=\"held\"} 2"), std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("catalog_read_cache_lookups_total{result=\"hit\"}"), std::string::npos);
}

TEST_P(Reservations, IdempotentByOrderId) {
  create_categories();
  const auto lamp = create_product("R-2", 100, 10);
  auto first = reserve("order-7", lamp, 4);
  auto again = reserve("order-7", lamp, 4);
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(first.body.at("id"), again.body.at("id"));
  EXPECT_EQ(available(lamp), 6);
  expect_problem(reserve("order-7", lamp, 5), 409, "reservation-mismatch");
}

TEST_P(Reservations, RefusesWhatIsNotThere) {
  create_categories();
  const auto lamp = create_product("R-3", 100, 2);
  const auto other = create_product("R-4", 100, 5);
  expect_problem(reserve("order-1", lamp, 3), 409, "insufficient-stock");
  // A basket fails as a whole: nothing of the other line stays held.
  auto basket =
      post("/v1/reservations",
           {{"order_id", "order-2"},
            {"lines",
             {{{"product_id", other}, {"quantity", 1}}, {{"product_id", lamp}, {"quantity", 9}}}}});
  expect_problem(basket, 409, "insufficient-stock");
  EXPECT_EQ(available(other), 5);
  auto unknown = reserve("order-3", "no-such-product", 1);
  expect_problem(unknown, 400, "invalid-field");
  EXPECT_EQ(unknown.body.at("field").as_string(), "lines[0].product_id");
}

TEST_P(Reservations, ExpiredHoldsReturnStock) {
  create_categories();
  const auto lamp = create_product("R-5", 100, 4);
  auto held = reserve("order-9", lamp, 4, 1);
  ASSERT_EQ(held.status, 201);
  EXPECT_EQ(available(lamp), 0);
  const std::string id(held.body.at("id").as_string());
  for (int i = 0; i < 100 && available(lamp) != 4; ++i) std::this_thread::sleep_for(50ms);
  EXPECT_EQ(available(lamp), 4);
  EXPECT_EQ(get("/v1/reservations/" + id).body.at("status").as_string(), "expired");
  expect_problem(post("/v1/reservations/" + id + "/confirm", boost::json::object{}), 409,
                 "reservation-expired");
}

// Many shoppers race for the last units: exactly the stock is sold, never more.
TEST_P(Reservations, ConcurrentReservationsNeverOversell) {
  create_categories();
  constexpr int kStock = 7;
  constexpr int kShoppers = 32;
  const auto lamp = create_product("LAST-1", 100, kStock);
  std::atomic<int> won{0};
  std::atomic<int> refused{0};
  std::atomic<int> other{0};
  std::vector<std::thread> shoppers;
  // Each shopper's order service holds stock with its own service token.
  const auto orders_token = issuer_.service_token("orders", "catalog.reservations");
  for (int i = 0; i < kShoppers; ++i) {
    shoppers.emplace_back([&, i] {
      platform::http::Client client;
      platform::http::ClientRequest request;
      request.method = platform::http::Method::post;
      request.url = url("/v1/reservations");
      request.headers.set("Content-Type", "application/json");
      request.headers.set("Authorization", "Bearer " + orders_token);
      request.body = boost::json::serialize(
          boost::json::object{{"order_id", "race-" + std::to_string(i)},
                              {"lines", {{{"product_id", lamp}, {"quantity", 1}}}}});
      const auto response = client.send(request);
      if (response.status == 201) {
        ++won;
      } else if (response.status == 409) {
        ++refused;
      } else {
        ++other;
      }
    });
  }
  for (auto& shopper : shoppers) shopper.join();
  EXPECT_EQ(won, kStock);
  EXPECT_EQ(refused, kShoppers - kStock);
  EXPECT_EQ(other, 0);
  auto stock = get("/v1/products/" + lamp + "/inventory");
  EXPECT_EQ(stock.body.at("reserved").as_int64(), kStock);
  EXPECT_EQ(stock.body.at("available").as_int64(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Reservations,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace catalog::testing
