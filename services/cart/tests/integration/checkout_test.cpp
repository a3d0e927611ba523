#include <set>
#include <thread>

#include "cart_fixture.h"
#include "platform/ids.h"

namespace cart::testing {
namespace {

using platform::http::Method;

class Checkouts : public CartTest {
 protected:
  void SetUp() override {
    CartTest::SetUp();
    if (IsSkipped()) return;
    lamp_ = create_product({.sku = "LAMP-C", .price = 2999, .stock = 5, .weight_grams = 800});
    customer_ = platform::new_uuid_v7();
    card_ = save_card(customer_);
  }

  std::string lamp_, customer_, card_;
};

TEST_P(Checkouts, PlacesAPaidOrderAndEmptiesTheCart) {
  ASSERT_EQ(add_item(customer_, lamp_, 2).status, 200);
  const auto placed = checkout(customer_, "k-1", checkout_body(card_, coupon("WELCOME10")));
  ASSERT_EQ(placed.status, 201) << boost::json::serialize(placed.body);
  EXPECT_EQ(placed.body.at("status"), "paid");
  EXPECT_EQ(placed.body.at("customer_id").as_string(), customer_);
  // 59.98 less 10% (6.00) = 53.98, VAT inside; domestic standard free from 50.00.
  EXPECT_EQ(placed.body.at("totals").at("total").at("amount"), 5398);
  EXPECT_EQ(placed.body.at("totals").at("discount").at("amount"), 600);
  EXPECT_EQ(placed.body.at("coupon").as_string(), coupon("WELCOME10"));
  const auto order_id = std::string(placed.body.at("id").as_string());

  EXPECT_EQ(on_hand(lamp_), 3);
  const auto payments = payments_of(order_id);
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0].at("amount").at("amount"), 5398);
  EXPECT_EQ(payments[0].at("status"), "authorized");
  EXPECT_TRUE(as_customer(customer_, Method::get, "/v1/cart").body.at("lines").as_array().empty());

  acting_as(issuer_.admin_token());
  const auto coupons = get("/v1/coupons");
  ASSERT_EQ(coupons.status, 200);
  for (const auto& listed : coupons.body.at("items").as_array()) {
    if (listed.at("code").as_string() == coupon("WELCOME10")) {
      EXPECT_EQ(listed.at("times_used"), 1);
    }
  }
}

TEST_P(Checkouts, TheSameKeyReturnsTheSameOrderAndAnotherBodyIsRefused) {
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  const auto first = checkout(customer_, "k-2", checkout_body(card_));
  ASSERT_EQ(first.status, 201);
  const auto again = checkout(customer_, "k-2", checkout_body(card_));
  ASSERT_EQ(again.status, 200) << boost::json::serialize(again.body);
  EXPECT_EQ(again.headers.get("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.body.at("id"), first.body.at("id"));
  EXPECT_EQ(payments_of(std::string(first.body.at("id").as_string())).size(), 1u);
  EXPECT_EQ(on_hand(lamp_), 4);

  auto other = checkout_body(card_);
  other["shipping_speed"] = "express";
  expect_problem(checkout(customer_, "k-2", other), 422, "idempotency-key-reused");
  expect_problem(checkout(customer_, "k-3", checkout_body(card_)), 409, "cart-empty");
}

TEST_P(Checkouts, RacingRequestsWithOneKeyPlaceOneOrderAndChargeOnce) {
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  const auto token = issuer_.user_token(customer_);
  const auto body = checkout_body(card_);
  const auto replies = platform::testing::at_once(6, [&](int) {
    platform::testing::ApiClient client(cart_.url());
    client.acting_as(token);
    platform::http::Headers headers;
    headers.set("Idempotency-Key", "k-race");
    return client.post("/v1/checkout", body, std::move(headers));
  });
  std::set<std::string> orders;
  int created = 0;
  for (const auto& reply : replies) {
    if (reply.status == 201 || reply.status == 200) {
      orders.insert(std::string(reply.body.at("id").as_string()));
      created += reply.status == 201;
    } else {
      expect_problem(reply, 409, "idempotency-key-in-use");
    }
  }
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(created, 1);
  EXPECT_EQ(payments_of(*orders.begin()).size(), 1u);
  EXPECT_EQ(on_hand(lamp_), 4);
  // A retry after the race gets the order.
  const auto retry = checkout(customer_, "k-race", body);
  ASSERT_EQ(retry.status, 200);
  EXPECT_EQ(retry.body.at("id").as_string(), *orders.begin());
}

TEST_P(Checkouts, ADeclinedCardLeavesTheCartAndTheCouponAndChargesNothing) {
  const auto declined = save_card(customer_, "4000000000000002");
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  const auto reply = checkout(customer_, "k-4", checkout_body(declined, coupon("ONCE")));
  expect_problem(reply, 409, "order-not-placed");
  EXPECT_NE(reply.body.at("detail").as_string().find("declined"), std::string::npos)
      << boost::json::serialize(reply.body);
  const auto order_id = std::string(reply.body.at("order_id").as_string());
  for (const auto& payment : payments_of(order_id)) EXPECT_NE(payment.at("status"), "authorized");
  EXPECT_EQ(on_hand(lamp_), 5);
  EXPECT_EQ(as_customer(customer_, Method::get, "/v1/cart").body.at("item_count"), 1);
  expect_problem(checkout(customer_, "k-4", checkout_body(declined, coupon("ONCE"))), 409,
                 "order-not-placed");

  const auto paid = checkout(customer_, "k-5", checkout_body(card_, coupon("ONCE")));
  EXPECT_EQ(paid.status, 201) << "the one use of the coupon came back: "
                              << boost::json::serialize(paid.body);
}

TEST_P(Checkouts, ALimitedCouponIsUsedNoMoreThanItsLimit) {
  const auto other = platform::new_uuid_v7();
  const auto other_card = save_card(other);
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  ASSERT_EQ(add_item(other, lamp_, 1).status, 200);
  ASSERT_EQ(checkout(customer_, "k-6", checkout_body(card_, coupon("ONCE"))).status, 201);
  expect_problem(checkout(other, "k-6", checkout_body(other_card, coupon("ONCE"))), 422,
                 "coupon-used-up");
  EXPECT_EQ(checkout(other, "k-7", checkout_body(other_card)).status, 201)
      << "the refused key is forgotten; another key without the coupon works";
}

TEST_P(Checkouts, AnUnreachableOrdersServiceKeepsTheKeyForARetry) {
  // A claim outlasts two calls to orders, as the service's settings demand.
  orders_client_ = std::make_unique<OrdersClient>(orders_.url(), *client_, *cart_tokens_,
                                                  std::chrono::milliseconds(400));
  auto options = test_options();
  options.checkout.claim = std::chrono::milliseconds(1000);
  restart_cart(options);
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  const auto port = orders_.server->port();
  orders_.server->stop(std::chrono::seconds(1));
  expect_problem(checkout(customer_, "k-8", checkout_body(card_)), 503, "orders-unavailable");
  EXPECT_EQ(as_customer(customer_, Method::get, "/v1/cart").body.at("item_count"), 1);
  expect_problem(checkout(customer_, "k-8", checkout_body(card_)), 409, "idempotency-key-in-use");

  platform::http::ServerOptions server_options;
  server_options.port = port;
  server_options.access_log = false;
  orders_.server = std::make_unique<platform::http::Server>(server_options,
                                                            orders_.service->routes(), registry_);
  orders_.server->start();
  std::this_thread::sleep_for(options.checkout.claim);
  const auto placed = checkout(customer_, "k-8", checkout_body(card_));
  ASSERT_EQ(placed.status, 201) << boost::json::serialize(placed.body);
  EXPECT_EQ(placed.body.at("status"), "paid");
  EXPECT_EQ(on_hand(lamp_), 4);
}

TEST_P(Checkouts, OnlySignedInCustomersCheckOutWithAKeyAndAFullBody) {
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  acting_as("");
  expect_problem(post("/v1/checkout", checkout_body(card_)), 401, "unauthenticated");
  const boost::json::value body = checkout_body(card_);
  expect_problem(as_customer(customer_, Method::post, "/v1/checkout", &body), 400,
                 "idempotency-key-required");
  auto no_card = checkout_body(card_);
  no_card.erase("payment_method");
  expect_problem(checkout(customer_, "k-9", no_card), 400, "invalid-field");
  auto bad_country = checkout_body(card_);
  bad_country["shipping_address"].as_object()["country"] = "Germany";
  expect_problem(checkout(customer_, "k-9", bad_country), 400, "invalid-field");
  auto bad_email = checkout_body(card_);
  bad_email["email"] = "nobody";
  expect_problem(checkout(customer_, "k-9", bad_email), 400, "invalid-field");
  EXPECT_EQ(checkout(customer_, "k-9", checkout_body(card_)).status, 201)
      << "refused bodies do not use up the key";
}

TEST_P(Checkouts, SomeoneElsesCardIsRefusedAndNothingCharged) {
  const auto stranger_card = save_card(platform::new_uuid_v7());
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  const auto reply = checkout(customer_, "k-10", checkout_body(stranger_card));
  expect_problem(reply, 409, "order-not-placed");
  EXPECT_EQ(on_hand(lamp_), 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, Checkouts,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace cart::testing
