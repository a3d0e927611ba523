#include "orders_fixture.h"

namespace orders::testing {
namespace {

constexpr const char* kAda = "0190d5a0-0000-7000-8000-00000000ada0";
constexpr const char* kBob = "0190d5a0-0000-7000-8000-00000000b0b0";

class Lifecycle : public OrdersTest {
 protected:
  // A paid order of `customer` for `quantity` lamps (of 10 in stock) at 20.00.
  std::string paid_order(const std::string& customer, std::int64_t quantity,
                         const std::string& card_number = "4242424242424242") {
    lamp_ = create_product("L-" + std::to_string(++products_), 2000, 10);
    const auto card = save_card(customer, card_number);
    const auto reply = place(order_body(customer, card, {{lamp_, quantity, 2000}}),
                             "paid-" + std::to_string(products_));
    EXPECT_EQ(reply.status, 201);
    EXPECT_EQ(reply.body.at("status"), "paid");
    return std::string(reply.body.at("id").as_string());
  }
  Reply as(const std::string& token, platform::http::Method method, const std::string& path,
           const std::string& body = {}) {
    platform::testing::ApiClient client(orders_.url());
    client.acting_as(token);
    return client.call(method, path, body, body.empty() ? "" : "application/json");
  }
  Reply get_as_admin(const std::string& id) {
    return as(issuer_.admin_token(), platform::http::Method::get, "/v1/orders/" + id);
  }
  Reply admin(const std::string& path, const std::string& body = {}) {
    return as(issuer_.admin_token(), platform::http::Method::post, path, body);
  }
  Reply refund(const std::string& id, const std::string& body, const std::string& key) {
    platform::testing::ApiClient client(orders_.url());
    client.acting_as(issuer_.admin_token());
    platform::http::Headers headers;
    headers.set("Idempotency-Key", key);
    return client.call(platform::http::Method::post, "/v1/orders/" + id + "/refunds", body,
                       "application/json", std::move(headers));
  }

  std::string lamp_;
  int products_ = 0;
};

TEST_P(Lifecycle, ACustomerCancelsAPaidOrderAndEverythingIsGivenBack) {
  const auto id = paid_order(kAda, 3);
  EXPECT_EQ(stock_of(lamp_), std::make_pair(std::int64_t{7}, std::int64_t{0}));
  const auto cancelled = as(customer_token(kAda), platform::http::Method::post,
                            "/v1/orders/" + id + "/cancel", R"({"reason":"changed my mind"})");
  ASSERT_EQ(cancelled.status, 200) << boost::json::serialize(cancelled.body);
  EXPECT_EQ(cancelled.body.at("status"), "cancelled");
  EXPECT_EQ(cancelled.body.at("cancel_reason"), "changed my mind");
  // The confirmed stock is back on hand, the authorization voided.
  EXPECT_EQ(stock_of(lamp_), std::make_pair(std::int64_t{10}, std::int64_t{0}));
  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0].at("status"), "voided");
  EXPECT_TRUE(platform::testing::eventually([&] { return events_of(id).size() >= 3; }));
  EXPECT_EQ(events_of(id).back(), "orders.order.cancelled");

  // Again: the same cancelled order, nothing given back twice.
  const auto again =
      as(customer_token(kAda), platform::http::Method::post, "/v1/orders/" + id + "/cancel");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body.at("status"), "cancelled");
  EXPECT_EQ(stock_of(lamp_), std::make_pair(std::int64_t{10}, std::int64_t{0}));
}

TEST_P(Lifecycle, ShippingCapturesThenDeliveryAndRefundsFollowTheTimeline) {
  const auto id = paid_order(kAda, 2);  // 40.00 + 4.90 shipping
  const auto shipped =
      admin("/v1/orders/" + id + "/ship", R"({"carrier":"DHL","tracking_number":"00340434"})");
  ASSERT_EQ(shipped.status, 200) << boost::json::serialize(shipped.body);
  EXPECT_EQ(shipped.body.at("status"), "shipped");
  EXPECT_EQ(shipped.body.at("shipping").at("tracking_number"), "00340434");
  EXPECT_EQ(payments_of(id)[0].at("status"), "captured");
  // Shipping again with the same parcel answers the same.
  EXPECT_EQ(admin("/v1/orders/" + id + "/ship", R"({"carrier":"DHL","tracking_number":"00340434"})")
                .status,
            200);
  expect_problem(admin("/v1/orders/" + id + "/ship", R"({"carrier":"UPS","tracking_number":"1Z"})"),
                 409, "illegal-transition");

  // Shipped orders are not cancelled; they are refunded.
  expect_problem(
      as(customer_token(kAda), platform::http::Method::post, "/v1/orders/" + id + "/cancel"), 409,
      "order-not-cancellable");

  const auto delivered = admin("/v1/orders/" + id + "/deliver");
  ASSERT_EQ(delivered.status, 200);
  EXPECT_EQ(delivered.body.at("status"), "delivered");

  const auto part = refund(
      id, R"({"amount":{"amount":2000,"currency":"EUR"},"reason":"one lamp broken"})", "r-1");
  ASSERT_EQ(part.status, 200) << boost::json::serialize(part.body);
  EXPECT_EQ(part.body.at("status"), "partially_refunded");
  EXPECT_EQ(part.body.at("totals").at("refunded").at("amount"), 2000);
  // The same key again: the same refund, not a second one.
  const auto replay = refund(
      id, R"({"amount":{"amount":2000,"currency":"EUR"},"reason":"one lamp broken"})", "r-1");
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.headers.get("Idempotent-Replayed"), "true");
  EXPECT_EQ(replay.body.at("totals").at("refunded").at("amount"), 2000);
  expect_problem(refund(id, R"({"amount":{"amount":9999,"currency":"EUR"}})", "r-2"), 422,
                 "amount-exceeds-refundable");

  const auto rest = refund(id, "", "r-3");
  ASSERT_EQ(rest.status, 200);
  EXPECT_EQ(rest.body.at("status"), "refunded");
  EXPECT_EQ(rest.body.at("totals").at("refunded").at("amount"), 4490);
  const auto payment = payments_of(id)[0];
  EXPECT_EQ(payment.at("status"), "refunded");
  EXPECT_EQ(payment.at("refunded").at("amount"), 4490);

  std::vector<std::string> timeline;
  for (const auto& change : rest.body.at("history").as_array()) {
    timeline.emplace_back(change.at("status").as_string());
  }
  EXPECT_EQ(timeline, (std::vector<std::string>{"pending", "awaiting_payment", "paid", "shipped",
                                                "delivered", "partially_refunded", "refunded"}));
  EXPECT_TRUE(platform::testing::eventually([&] { return events_of(id).size() >= 6; }));
  EXPECT_EQ(events_of(id),
            (std::vector<std::string>{"orders.order.placed", "orders.order.paid",
                                      "orders.order.shipped", "orders.order.delivered",
                                      "orders.order.refunded", "orders.order.refunded"}));
}

// Shipping captures; a cancellation voids. An order whose cancellation is
// still under way (the payment service down) must not be shipped meanwhile.
TEST_P(Lifecycle, AnOrderBeingCancelledIsNeitherShippedNorRefunded) {
  const auto id = paid_order(kAda, 1);
  participants_->fail(SagaStep::void_payment, true);
  const auto cancelling =
      as(customer_token(kAda), platform::http::Method::post, "/v1/orders/" + id + "/cancel");
  ASSERT_EQ(cancelling.status, 200);
  EXPECT_EQ(cancelling.body.at("status"), "paid");
  EXPECT_EQ(cancelling.body.at("processing"), "void_payment");
  expect_problem(admin("/v1/orders/" + id + "/ship", R"({"carrier":"DHL","tracking_number":"1"})"),
                 409, "order-being-cancelled");
  // Asking again answers the order as it is, even while its runner holds it.
  EXPECT_EQ(
      as(customer_token(kAda), platform::http::Method::post, "/v1/orders/" + id + "/cancel").status,
      200);

  participants_->fail(SagaStep::void_payment, false);
  ASSERT_TRUE(platform::testing::eventually(
      [&] { return get_as_admin(id).body.at("status") == "cancelled"; }));
  EXPECT_EQ(payments_of(id)[0].at("status"), "voided");
  EXPECT_EQ(stock_of(lamp_), std::make_pair(std::int64_t{10}, std::int64_t{0}));
}

TEST_P(Lifecycle, ADeclinedCaptureLeavesTheOrderPaid) {
  const auto id = paid_order(kAda, 1, "4000000000000341");
  expect_problem(admin("/v1/orders/" + id + "/ship", R"({"carrier":"DHL","tracking_number":"1"})"),
                 422, "capture-declined");
  EXPECT_EQ(get("/v1/orders/" + id).body.at("status"), "paid");
}

TEST_P(Lifecycle, CustomersSeeAndCancelOnlyTheirOwnOrders) {
  const auto adas = paid_order(kAda, 1);
  const auto bobs = paid_order(kBob, 1);
  const auto ada = customer_token(kAda);
  expect_problem(as(ada, platform::http::Method::get, "/v1/orders/" + bobs), 404,
                 "order-not-found");
  expect_problem(as(ada, platform::http::Method::post, "/v1/orders/" + bobs + "/cancel"), 404,
                 "order-not-found");
  EXPECT_EQ(get("/v1/orders/" + bobs).body.at("status"), "paid");

  const auto mine = as(ada, platform::http::Method::get, "/v1/orders");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(mine.body.at("items").as_array()[0].at("id").as_string(), adas);
  expect_problem(
      as(ada, platform::http::Method::get, std::string("/v1/orders?customer_id=") + kBob), 403,
      "forbidden");

  // Admins ship, customers do not; services do not list.
  expect_problem(as(ada, platform::http::Method::post, "/v1/orders/" + adas + "/ship",
                    R"({"carrier":"DHL","tracking_number":"1"})"),
                 403, "forbidden");
  expect_problem(as(checkout_token(), platform::http::Method::get, "/v1/orders"), 403, "forbidden");
  expect_problem(as("", platform::http::Method::get, "/v1/orders/" + adas), 401, "unauthenticated");
  expect_problem(as(issuer_.admin_token(), platform::http::Method::get, "/v1/orders/nope"), 404,
                 "order-not-found");
}

TEST_P(Lifecycle, AdminsFilterAndPageThroughAllOrders) {
  for (int i = 0; i < 3; ++i) paid_order(i % 2 == 0 ? kAda : kBob, 1);
  const auto cancelled = paid_order(kAda, 1);
  ASSERT_EQ(admin("/v1/orders/" + cancelled + "/cancel").status, 200);

  const auto token = issuer_.admin_token();
  const auto first = as(token, platform::http::Method::get, "/v1/orders?limit=3");
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(first.body.at("items").as_array().size(), 3u);
  EXPECT_EQ(first.body.at("items").as_array()[0].at("id").as_string(), cancelled);  // newest first
  const std::string cursor(first.body.at("next_cursor").as_string());
  const auto second = as(token, platform::http::Method::get, "/v1/orders?limit=3&cursor=" + cursor);
  ASSERT_EQ(second.body.at("items").as_array().size(), 1u);
  EXPECT_FALSE(second.body.as_object().contains("next_cursor"));

  const auto only_cancelled = as(token, platform::http::Method::get, "/v1/orders?status=cancelled");
  ASSERT_EQ(only_cancelled.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(only_cancelled.body.at("items").as_array()[0].at("cancel_reason"),
            "cancelled by the shop");
  const auto bobs =
      as(token, platform::http::Method::get, std::string("/v1/orders?customer_id=") + kBob);
  EXPECT_EQ(bobs.body.at("items").as_array().size(), 1u);
  const auto future =
      as(token, platform::http::Method::get, "/v1/orders?placed_from=2099-01-01T00:00:00Z");
  EXPECT_TRUE(future.body.at("items").as_array().empty());

  expect_problem(as(token, platform::http::Method::get, "/v1/orders?status=lost"), 400,
                 "invalid-field");
  expect_problem(as(token, platform::http::Method::get, "/v1/orders?cursor=bm9wZQ"), 400,
                 "invalid-field");
  expect_problem(as(token, platform::http::Method::get, "/v1/orders?sort=price"), 400,
                 "unknown-parameter");
  expect_problem(as(token, platform::http::Method::get, "/v1/orders?placed_from=yesterday"), 400,
                 "invalid-field");
}

INSTANTIATE_TEST_SUITE_P(Backends, Lifecycle,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace orders::testing
