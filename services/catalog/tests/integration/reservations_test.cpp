#include <atomic>
#include <mutex>
#include <thread>

#include "catalog_fixture.h"
#include "platform/ids.h"

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
  std::int64_t reserved(const std::string& product) {
    return get("/v1/products/" + product + "/inventory").body.at("reserved").as_int64();
  }
  // Holds and confirms `quantity` of `product` for `order`; returns the id.
  std::string confirmed(const std::string& order, const std::string& product,
                        std::int64_t quantity) {
    auto held = reserve(order, product, quantity);
    EXPECT_EQ(held.status, 201) << boost::json::serialize(held.body);
    if (held.status != 201) return {};
    std::string id(held.body.at("id").as_string());
    EXPECT_EQ(post("/v1/reservations/" + id + "/confirm", boost::json::object{}).status, 200);
    return id;
  }
  Reply give_back(const std::string& id) {
    return post("/v1/reservations/" + id + "/return", boost::json::object{});
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
  expect_problem(give_back(id), 409, "reservation-not-confirmed");
  EXPECT_EQ(on_hand(lamp), 4);
}

TEST_P(Reservations, FindsTheReservationOfAnOrder) {
  create_categories();
  const auto lamp = create_product("R-6", 100, 10);
  auto held = reserve("order-find-1", lamp, 2);
  ASSERT_EQ(held.status, 201);
  ASSERT_EQ(reserve("order-find-2", lamp, 1).status, 201);

  auto found = get("/v1/reservations?order_id=order-find-1");
  ASSERT_EQ(found.status, 200) << boost::json::serialize(found.body);
  const auto& items = found.body.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("id"), held.body.at("id"));
  EXPECT_EQ(items[0].at("order_id").as_string(), "order-find-1");
  EXPECT_EQ(items[0].at("status").as_string(), "held");
  EXPECT_EQ(items[0].at("lines"), held.body.at("lines"));

  auto none = get("/v1/reservations?order_id=order-never-reserved");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(none.body.at("items").as_array().empty());

  for (const char* bad : {"/v1/reservations", "/v1/reservations?order_id="}) {
    auto refused = get(bad);
    expect_problem(refused, 400, "invalid-field");
    EXPECT_EQ(refused.body.at("field").as_string(), "order_id") << bad;
  }
  expect_problem(get("/v1/reservations?order=order-find-1"), 400, "unknown-parameter");
}

TEST_P(Reservations, ReturnPutsConfirmedStockBackOnHandOnce) {
  create_categories();
  const auto lamp = create_product("R-7", 100, 10);
  const auto shade = create_product("R-8", 100, 5);
  auto held =
      post("/v1/reservations",
           {{"order_id", "order-return"},
            {"lines",
             {{{"product_id", lamp}, {"quantity", 3}}, {{"product_id", shade}, {"quantity", 2}}}}});
  ASSERT_EQ(held.status, 201) << boost::json::serialize(held.body);
  const std::string id(held.body.at("id").as_string());
  auto confirmed = post("/v1/reservations/" + id + "/confirm", boost::json::object{});
  ASSERT_EQ(confirmed.status, 200);
  EXPECT_TRUE(confirmed.body.at("returned_at").is_null());
  EXPECT_EQ(on_hand(lamp), 7);
  EXPECT_EQ(on_hand(shade), 3);

  auto returned = give_back(id);
  ASSERT_EQ(returned.status, 200) << boost::json::serialize(returned.body);
  EXPECT_EQ(returned.body.at("status").as_string(), "returned");
  EXPECT_TRUE(returned.body.at("returned_at").is_string());
  EXPECT_EQ(on_hand(lamp), 10);
  EXPECT_EQ(available(lamp), 10);
  EXPECT_EQ(reserved(lamp), 0);
  EXPECT_EQ(on_hand(shade), 5);
  EXPECT_EQ(available(shade), 5);
  EXPECT_EQ(get("/v1/reservations/" + id).body, returned.body);
  EXPECT_EQ(get("/v1/reservations?order_id=order-return").body.at("items").at(0), returned.body);

  auto again = give_back(id);
  ASSERT_EQ(again.status, 200) << "return is idempotent";
  EXPECT_EQ(again.body, returned.body) << "a second return changes nothing";
  EXPECT_EQ(on_hand(lamp), 10);
  EXPECT_EQ(on_hand(shade), 5);

  expect_problem(post("/v1/reservations/" + id + "/release", boost::json::object{}), 409,
                 "reservation-returned");
  expect_problem(post("/v1/reservations/" + id + "/confirm", boost::json::object{}), 409,
                 "reservation-returned");
  EXPECT_EQ(on_hand(lamp), 10);
  EXPECT_EQ(reserved(lamp), 0);

  platform::http::Client client;
  const auto metrics = client.get(url("/metrics")).body;
  EXPECT_NE(metrics.find("catalog_reservations_total{outcome=\"returned\"} 2"), std::string::npos)
      << metrics;
}

TEST_P(Reservations, OnlyConfirmedReservationsAreReturned) {
  create_categories();
  const auto lamp = create_product("R-9", 100, 10);
  auto held = reserve("order-held", lamp, 3);
  ASSERT_EQ(held.status, 201);
  const std::string held_id(held.body.at("id").as_string());
  expect_problem(give_back(held_id), 409, "reservation-not-confirmed");
  EXPECT_EQ(get("/v1/reservations/" + held_id).body.at("status").as_string(), "held");
  EXPECT_EQ(on_hand(lamp), 10);
  EXPECT_EQ(available(lamp), 7);

  ASSERT_EQ(post("/v1/reservations/" + held_id + "/release", boost::json::object{}).status, 200);
  expect_problem(give_back(held_id), 409, "reservation-not-confirmed");
  EXPECT_EQ(on_hand(lamp), 10);
  EXPECT_EQ(available(lamp), 10);

  expect_problem(give_back("no-such-reservation"), 404, "reservation-not-found");
}

// An orders service retrying its return from several replicas at once: the
// stock comes back once, and every caller is told it is returned.
TEST_P(Reservations, ConcurrentReturnsAddStockOnce) {
  create_categories();
  constexpr int kCallers = 12;
  const auto lamp = create_product("R-10", 100, 10);
  const auto id = confirmed("order-race-return", lamp, 4);
  ASSERT_FALSE(id.empty());
  ASSERT_EQ(on_hand(lamp), 6);
  const auto orders_token = issuer_.service_token("orders", "catalog.reservations");
  const auto replies = platform::testing::at_once(kCallers, [&](int) {
    platform::testing::ApiClient client(url(""));
    client.acting_as(orders_token);
    return client.post("/v1/reservations/" + id + "/return", boost::json::object());
  });
  int returned = 0, other = 0;
  for (const auto& reply : replies) {
    const bool ok = reply.status == 200 && reply.body.at("status") == "returned";
    ++(ok ? returned : other);
  }
  EXPECT_EQ(returned, kCallers);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(on_hand(lamp), 10);
  EXPECT_EQ(available(lamp), 10);
}

// catalog.stock.changed is published through the outbox, once, when the
// product goes out of stock or comes back (ADR 14); holds and confirmations
// that leave it in stock are not announced.
TEST_P(Reservations, StockChangesArePublishedWhenAvailabilityFlips) {
  std::mutex mutex;
  std::vector<platform::bus::Event> received;
  auto subscription = bus_->subscribe({.durable_name = "returns-" + platform::random_hex(4),
                                       .subject_filter = "catalog.stock.changed"},
                                      [&](const platform::bus::Event& event) {
                                        std::lock_guard lock(mutex);
                                        received.push_back(event);
                                      });
  create_categories();
  const auto lamp = create_product("R-11", 100, 6);
  const auto partly = confirmed("order-return-events-1", lamp, 2);  // 4 left: still in stock
  const auto all = confirmed("order-return-events-2", lamp, 4);     // held: out of stock
  ASSERT_EQ(give_back(partly).status, 200);                         // back in stock
  ASSERT_EQ(give_back(partly).status, 200);                         // a replay: nothing new
  const auto released = reserve("order-return-events-3", lamp, 2);  // out of stock again
  ASSERT_EQ(released.status, 201);
  ASSERT_EQ(post("/v1/reservations/" + std::string(released.body.at("id").as_string()) + "/release",
                 boost::json::object{})
                .status,
            200);  // back in stock
  (void)all;

  // The NATS stream is shared by every test on that server: keep this
  // product's {on_hand, reserved}.
  using Figures = std::pair<std::int64_t, std::int64_t>;
  auto about_this_product = [&] {
    std::lock_guard lock(mutex);
    std::vector<Figures> mine;
    for (const auto& event : received) {
      const auto data = boost::json::parse(event.data).as_object();
      if (data.at("product_id").as_string() != lamp) continue;
      mine.emplace_back(data.at("on_hand").as_int64(), data.at("reserved").as_int64());
    }
    return mine;
  };
  platform::testing::eventually([&] { return about_this_product().size() >= 5; });
  std::this_thread::sleep_for(300ms);  // an unwanted event would show by now
  // Created; the second order's hold took the last 4 (4 on hand, 4 held);
  // the return put 2 back; the third order held them; its release freed them.
  EXPECT_EQ(about_this_product(), (std::vector<Figures>{{6, 0}, {4, 4}, {2, 0}, {2, 2}, {2, 0}}));

  // Every inventory change bumps the stock version, announced or not, so a
  // reader can order the figures whatever order the events came in.
  std::vector<std::int64_t> versions;
  {
    std::lock_guard lock(mutex);
    for (const auto& event : received) {
      const auto data = boost::json::parse(event.data).as_object();
      if (data.at("product_id").as_string() == lamp)
        versions.push_back(data.at("version").as_int64());
    }
  }
  ASSERT_EQ(versions.size(), 5u);
  EXPECT_EQ(versions.front(), 1) << "a new product's inventory starts at version 1";
  for (std::size_t i = 1; i < versions.size(); ++i) EXPECT_GT(versions[i], versions[i - 1]);
  // Holds and confirmations that were not announced still moved it on:
  // create, hold + confirm, hold + confirm, return, hold, release.
  const auto inventory = get("/v1/products/" + lamp + "/inventory").body;
  EXPECT_EQ(inventory.at("version").as_int64(), 8);
  EXPECT_EQ(versions.back(), 8);
}

// An import that would set on hand below what orders hold is refused for
// that line (it used to fail the whole import with a 500).
TEST_P(Reservations, ImportingStockBelowWhatIsHeldIsRefusedForThatLine) {
  create_categories();
  const auto lamp = create_product("R-13", 100, 10);
  ASSERT_EQ(reserve("order-import-below", lamp, 5).status, 201);
  const std::string lines =
      R"({"sku":"R-13","title":"Lamp","brand":"B","category":"lighting","price":{"amount":100,"currency":"EUR"},"stock":{"on_hand":3}})"
      "\n"
      R"({"sku":"R-13","title":"Lamp","brand":"B","category":"lighting","price":{"amount":100,"currency":"EUR"},"stock":{"on_hand":7}})"
      "\n";
  const auto imported =
      call(platform::http::Method::post, "/v1/products/import", lines, "application/x-ndjson");
  ASSERT_EQ(imported.status, 200) << boost::json::serialize(imported.body);
  EXPECT_EQ(imported.body.at("updated").as_int64(), 1);
  const auto& errors = imported.body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("line").as_int64(), 1);
  EXPECT_EQ(errors[0].at("code").as_string(), "stock-below-reserved");
  EXPECT_EQ(errors[0].at("field").as_string(), "stock");
  EXPECT_EQ(on_hand(lamp), 7);
  EXPECT_EQ(reserved(lamp), 5);
}

TEST_P(Reservations, OnlyStockKeepersFindAndReturn) {
  create_categories();
  const auto lamp = create_product("R-12", 100, 10);
  const auto id = confirmed("order-access", lamp, 1);

  acting_as("");
  expect_problem(get("/v1/reservations?order_id=order-access"), 401, "unauthenticated");
  expect_problem(give_back(id), 401, "unauthenticated");

  acting_as(issuer_.user_token("0190d5a0-0000-7000-8000-000000000001"));
  expect_problem(get("/v1/reservations?order_id=order-access"), 403, "forbidden");
  expect_problem(give_back(id), 403, "forbidden");

  acting_as(issuer_.admin_token());
  EXPECT_EQ(on_hand(lamp), 9) << "refused returns leave the stock alone";

  acting_as(issuer_.service_token("orders", "catalog.reservations"));
  EXPECT_EQ(get("/v1/reservations?order_id=order-access").body.at("items").as_array().size(), 1u);
  EXPECT_EQ(give_back(id).status, 200);
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
