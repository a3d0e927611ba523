#include <thread>

#include "orders_fixture.h"
#include "platform/ids.h"

namespace orders::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kAda = "0190d5a0-0000-7000-8000-00000000ada0";
constexpr const char* kBob = "0190d5a0-0000-7000-8000-00000000b0b0";

class Placement : public OrdersTest {};

std::vector<std::string> statuses(const Reply& reply) {
  std::vector<std::string> seen;
  for (const auto& change : reply.body.at("history").as_array()) {
    seen.emplace_back(change.at("status").as_string());
  }
  return seen;
}

TEST_P(Placement, AnOrderIsPaidWithItsStockConfirmedAndAnnounced) {
  const auto lamp = create_product("P-1", 2500, 5);
  const auto card = save_card(kAda);
  const auto reply = place(order_body(kAda, card, {{lamp, 2, 2500}}), "checkout-1");
  ASSERT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("status"), "paid");
  EXPECT_FALSE(reply.body.as_object().contains("processing"));
  EXPECT_EQ(statuses(reply), (std::vector<std::string>{"pending", "awaiting_payment", "paid"}));
  EXPECT_EQ(reply.body.at("totals").at("total").at("amount"), 5490);
  const std::string id(reply.body.at("id").as_string());
  EXPECT_EQ(reply.headers.get("Location"), "/v1/orders/" + id);

  // The stock left the warehouse; the card holds exactly the total.
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{3}, std::int64_t{0}));
  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0].at("status"), "authorized");
  EXPECT_EQ(payments[0].at("amount").at("amount"), 5490);

  EXPECT_TRUE(platform::testing::eventually([&] { return events_of(id).size() >= 2; }));
  EXPECT_EQ(events_of(id), (std::vector<std::string>{"orders.order.placed", "orders.order.paid"}));
}

TEST_P(Placement, ADeclinedCardCancelsTheOrderAndReleasesTheStock) {
  const auto lamp = create_product("P-2", 1000, 4);
  const auto card = save_card(kAda, "4000000000000002");
  const auto reply = place(order_body(kAda, card, {{lamp, 3, 1000}}), "checkout-declined");
  ASSERT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("status"), "cancelled");
  EXPECT_NE(std::string(reply.body.at("cancel_reason").as_string()).find("declined"),
            std::string::npos);
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{4}, std::int64_t{0}));
  const auto payments = payments_of(std::string(reply.body.at("id").as_string()));
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0].at("status"), "declined");
}

TEST_P(Placement, TooLittleStockCancelsWithoutTouchingTheCard) {
  const auto lamp = create_product("P-3", 1000, 1);
  const auto card = save_card(kAda);
  const auto reply = place(order_body(kAda, card, {{lamp, 2, 1000}}), "checkout-short");
  ASSERT_EQ(reply.status, 201);
  EXPECT_EQ(reply.body.at("status"), "cancelled");
  EXPECT_NE(std::string(reply.body.at("cancel_reason").as_string()).find("not enough stock"),
            std::string::npos);
  EXPECT_EQ(statuses(reply), (std::vector<std::string>{"pending", "cancelled"}));
  EXPECT_TRUE(payments_of(std::string(reply.body.at("id").as_string())).empty());
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{1}, std::int64_t{0}));
}

TEST_P(Placement, TheSameKeyPlacesOneOrderEvenWhenRequestsRace) {
  const auto lamp = create_product("P-4", 1500, 10);
  const auto card = save_card(kAda);
  const auto body = order_body(kAda, card, {{lamp, 1, 1500}});
  const auto replies = platform::testing::at_once(8, [&](int) {
    platform::testing::ApiClient client(orders_.url());
    client.acting_as(checkout_token());
    platform::http::Headers headers;
    headers.set("Idempotency-Key", "checkout-race");
    return client.post("/v1/orders", body, std::move(headers));
  });
  std::set<std::string> ids;
  int created = 0;
  for (const auto& reply : replies) {
    ASSERT_TRUE(reply.status == 201 || reply.status == 200) << reply.status;
    created += reply.status == 201 ? 1 : 0;
    ids.emplace(reply.body.at("id").as_string());
  }
  EXPECT_EQ(created, 1);
  ASSERT_EQ(ids.size(), 1u);
  const auto id = *ids.begin();
  // Replays may answer before the first request's saga ended; it ends paid.
  EXPECT_TRUE(platform::testing::eventually(
      [&] { return get("/v1/orders/" + id).body.at("status") == "paid"; }));
  EXPECT_EQ(payments_of(id).size(), 1u);
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{9}, std::int64_t{0}));

  const auto again = place(body, "checkout-race");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.headers.get("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.body.at("id").as_string(), id);
  EXPECT_EQ(again.body.at("status"), "paid");
}

TEST_P(Placement, AKeyIsNotReusedForAnotherOrder) {
  const auto lamp = create_product("P-5", 1500, 10);
  const auto card = save_card(kAda);
  ASSERT_EQ(place(order_body(kAda, card, {{lamp, 1, 1500}}), "checkout-5").status, 201);
  expect_problem(place(order_body(kAda, card, {{lamp, 2, 1500}}), "checkout-5"), 422,
                 "idempotency-key-reused");
}

TEST_P(Placement, OnlyCheckoutPlacesOrdersWithFiguresThatAddUp) {
  const auto lamp = create_product("P-6", 1500, 10);
  const auto card = save_card(kAda);
  auto body = order_body(kAda, card, {{lamp, 1, 1500}});

  acting_as(customer_token(kAda));  // customers would set their own prices
  expect_problem(place(body, "k1"), 403, "forbidden");
  acting_as("");
  expect_problem(place(body, "k1"), 401, "unauthenticated");
  acting_as(checkout_token());

  expect_problem(api_.post("/v1/orders", body), 400, "idempotency-key-required");
  platform::http::Headers headers;
  headers.set("Idempotency-Key", "k2");
  expect_problem(api_.call(platform::http::Method::post, "/v1/orders", "{\"lines\": [",
                           "application/json", headers),
                 400, "malformed-json");

  auto wrong_total = body;
  wrong_total["totals"].as_object()["total"].as_object()["amount"] = 1;
  const auto inconsistent = place(wrong_total, "k3");
  expect_problem(inconsistent, 422, "totals-inconsistent");
  EXPECT_EQ(inconsistent.body.at("field"), "totals.total");

  auto wrong_line = body;
  wrong_line["lines"].as_array()[0].as_object()["subtotal"].as_object()["amount"] = 1400;
  expect_problem(place(wrong_line, "k4"), 422, "totals-inconsistent");

  auto dollars = body;
  dollars["totals"].as_object()["shipping"].as_object()["currency"] = "USD";
  expect_problem(place(dollars, "k5"), 422, "currency-mismatch");

  auto unknown = body;
  unknown["discount_code_override"] = true;
  expect_problem(place(unknown, "k6"), 400, "unknown-field");

  auto not_a_customer = body;
  not_a_customer["customer_id"] = "robert'); DROP TABLE orders;--";
  expect_problem(place(not_a_customer, "k7"), 400, "invalid-field");

  auto empty = body;
  empty["lines"] = boost::json::array();
  expect_problem(place(empty, "k8"), 400, "invalid-field");
  EXPECT_TRUE(payments_of(platform::new_uuid_v7()).empty());
}

// A payment service that does not answer: the saga retries, then gives the
// order up past its deadline, voiding whatever may have gone through and
// releasing the stock.
// A 404 from the catalog refuses the confirmation only when it says the
// reservation is gone; any other (a wrong address, a route missing behind a
// proxy) is a failure to ask again, not a reason to cancel paid-for orders.
TEST_P(Placement, OnlyAMissingReservationRefusesTheConfirmation) {
  Order order;
  order.id = "order-confirm-404";
  order.saga.reservation_id = "0190d5a0-0000-7000-8000-00000000dead";
  EXPECT_EQ(remote_->confirm_stock(order).outcome, StepOutcome::refused);

  ParticipantEndpoints misrouted;
  misrouted.catalog_url = catalog_.url() + "/elsewhere";
  misrouted.payments_url = payments_.url();
  misrouted.call_timeout = std::chrono::milliseconds(1000);
  RemoteParticipants lost(misrouted, *client_, *tokens_);
  EXPECT_EQ(lost.confirm_stock(order).outcome, StepOutcome::failed);
}

TEST_P(Placement, AnUnansweredStepIsRetriedThenCompensatedPastItsDeadline) {
  const auto lamp = create_product("P-7", 1200, 3);
  const auto card = save_card(kAda);
  participants_->fail(SagaStep::authorize_payment, true);
  const auto reply = place(order_body(kAda, card, {{lamp, 1, 1200}}), "checkout-7");
  ASSERT_EQ(reply.status, 201);
  const std::string id(reply.body.at("id").as_string());
  EXPECT_EQ(reply.body.at("status"), "awaiting_payment");
  EXPECT_EQ(reply.body.at("processing"), "authorize_payment");
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{3}, std::int64_t{1}));

  // The background resumer carries on after the request answered.
  ASSERT_TRUE(platform::testing::eventually(
      [&] { return get("/v1/orders/" + id).body.at("status") == "cancelled"; }, 10s));
  const auto order = get("/v1/orders/" + id);
  EXPECT_NE(std::string(order.body.at("cancel_reason").as_string()).find("did not answer"),
            std::string::npos);
  EXPECT_FALSE(order.body.as_object().contains("processing"));
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{3}, std::int64_t{0}));
  EXPECT_TRUE(payments_of(id).empty());
}

// A cancellation while a step is in doubt (its call unanswered, maybe still
// at work in the payment service) waits for the call to settle before it
// looks for what to undo; then everything is given back.
TEST_P(Placement, ACancellationWaitsForAStepInDoubtToSettle) {
  auto options = quick_options();
  options.saga.policy.step_deadline = 60s;
  options.saga.policy.settle_time = 300ms;
  options.resume_interval = 1h;  // nothing runs the saga but the requests
  restart_orders(options);
  const auto lamp = create_product("P-10", 1200, 3);
  const auto card = save_card(kAda);
  participants_->fail(SagaStep::authorize_payment, true);
  const auto reply = place(order_body(kAda, card, {{lamp, 1, 1200}}), "checkout-10");
  ASSERT_EQ(reply.status, 201);
  const std::string id(reply.body.at("id").as_string());

  platform::testing::ApiClient customer(orders_.url());
  customer.acting_as(customer_token(kAda));
  const auto cancelling =
      customer.call(platform::http::Method::post, "/v1/orders/" + id + "/cancel");
  ASSERT_EQ(cancelling.status, 200);
  EXPECT_EQ(cancelling.body.at("processing"), "void_payment");
  EXPECT_EQ(cancelling.body.at("cancel_reason"), "cancelled by the customer");
  EXPECT_EQ(get("/v1/orders/" + id).body.at("status"), "awaiting_payment");
  participants_->fail(SagaStep::authorize_payment, false);
  restart_orders(quick_options());  // a resumer again
  ASSERT_TRUE(platform::testing::eventually(
      [&] { return get("/v1/orders/" + id).body.at("status") == "cancelled"; }, 10s));
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{3}, std::int64_t{0}));
  EXPECT_TRUE(payments_of(id).empty());
}

// A service down for a moment: the saga resumes when it is back, and the
// order is paid.
TEST_P(Placement, AStepThatFailsForAWhileIsResumedInTheBackground) {
  auto options = quick_options();
  options.saga.policy.step_deadline = 60s;
  restart_orders(options);
  const auto lamp = create_product("P-8", 1200, 3);
  const auto card = save_card(kAda);
  participants_->fail(SagaStep::confirm_stock, true);
  const auto reply = place(order_body(kAda, card, {{lamp, 1, 1200}}), "checkout-8");
  ASSERT_EQ(reply.status, 201);
  const std::string id(reply.body.at("id").as_string());
  EXPECT_EQ(reply.body.at("processing"), "confirm_stock");
  std::this_thread::sleep_for(300ms);
  participants_->fail(SagaStep::confirm_stock, false);
  ASSERT_TRUE(platform::testing::eventually(
      [&] { return get("/v1/orders/" + id).body.at("status") == "paid"; }, 10s));
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{2}, std::int64_t{0}));
  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0].at("status"), "authorized");
}

// A restarted service finds the saga its predecessor left and finishes it.
TEST_P(Placement, ASagaLeftByAStoppedServiceIsFinishedByTheNextOne) {
  const auto lamp = create_product("P-9", 800, 3);
  const auto card = save_card(kBob);
  participants_->fail(SagaStep::reserve_stock, true);
  auto options = quick_options();
  options.saga.policy.step_deadline = 60s;
  options.resume_interval = 1h;  // this one never resumes
  restart_orders(options);
  const auto reply = place(order_body(kBob, card, {{lamp, 2, 800}}), "checkout-9");
  ASSERT_EQ(reply.status, 201);
  const std::string id(reply.body.at("id").as_string());
  EXPECT_EQ(reply.body.at("status"), "pending");

  participants_->fail(SagaStep::reserve_stock, false);
  restart_orders(quick_options());
  ASSERT_TRUE(platform::testing::eventually(
      [&] { return get("/v1/orders/" + id).body.at("status") == "paid"; }, 10s));
  EXPECT_EQ(stock_of(lamp), std::make_pair(std::int64_t{1}, std::int64_t{0}));
}

INSTANTIATE_TEST_SUITE_P(Backends, Placement,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace orders::testing
