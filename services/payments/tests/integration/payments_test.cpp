// Payments through their life: authorize, capture, refund, void; declines,
// processor failures and the documented test cards.
#include "payments_fixture.h"
#include "platform/ids.h"

namespace payments::testing {
namespace {

class Payments : public PaymentsTest {};

std::string id_of(const Reply& reply) {
  return reply.body.is_object() && reply.body.as_object().contains("id")
             ? std::string(reply.body.at("id").as_string())
             : std::string();
}

TEST_P(Payments, AuthorizeCaptureAndRefundInParts) {
  const auto ada = platform::new_uuid_v7();
  const auto card = save_card(ada);
  const auto authorized = authorize(ada, card, 10000, "order-1-authorize");
  ASSERT_EQ(authorized.status, 201) << boost::json::serialize(authorized.body);
  EXPECT_EQ(authorized.body.at("status"), "authorized");
  EXPECT_EQ(authorized.body.at("card").at("last4"), "4242");
  EXPECT_TRUE(authorized.body.at("decline_code").is_null());
  const auto id = id_of(authorized);
  EXPECT_EQ(authorized.headers.get("Location"), "/v1/payments/" + id);

  const auto captured = operate("/v1/payments/" + id + "/capture", {{"amount", euros(8000)}}, "c1");
  ASSERT_EQ(captured.status, 200) << boost::json::serialize(captured.body);
  EXPECT_EQ(captured.body.at("status"), "captured");
  EXPECT_EQ(captured.body.at("captured").at("amount"), 8000) << "the rest is released";

  const auto first = operate("/v1/payments/" + id + "/refunds",
                             {{"amount", euros(3000)}, {"reason", "one lamp broke"}}, "r1");
  ASSERT_EQ(first.status, 200) << boost::json::serialize(first.body);
  EXPECT_EQ(first.body.at("status"), "partially_refunded");
  expect_problem(operate("/v1/payments/" + id + "/refunds", {{"amount", euros(5001)}}, "r2"), 422,
                 "amount-exceeds-captured");
  expect_problem(operate("/v1/payments/" + id + "/refunds",
                         {{"amount", {{"amount", 10}, {"currency", "USD"}}}}, "r3"),
                 422, "currency-mismatch");
  const auto rest = operate("/v1/payments/" + id + "/refunds", nullptr, "r4");
  ASSERT_EQ(rest.status, 200);
  EXPECT_EQ(rest.body.at("status"), "refunded");
  EXPECT_EQ(rest.body.at("refunded").at("amount"), 8000);
  expect_problem(operate("/v1/payments/" + id + "/void", nullptr, "v1"), 409,
                 "payment-not-voidable");

  const auto read = api_.get("/v1/payments/" + id);
  ASSERT_EQ(read.status, 200);
  const auto& operations = read.body.at("operations").as_array();
  ASSERT_EQ(operations.size(), 4u);
  EXPECT_EQ(operations[0].at("kind"), "authorize");
  EXPECT_EQ(operations[1].at("kind"), "capture");
  EXPECT_EQ(operations[2].at("reason"), "one lamp broke");
  const auto by_order =
      api_.get("/v1/payments?order_id=" + std::string(read.body.at("order_id").as_string()));
  ASSERT_EQ(by_order.status, 200);
  EXPECT_EQ(by_order.body.at("items").as_array().size(), 1u);
}

TEST_P(Payments, AVoidReleasesAnAuthorizationOnce) {
  const auto ada = platform::new_uuid_v7();
  const auto id = id_of(authorize(ada, save_card(ada), 500, "a"));
  const auto voided = operate("/v1/payments/" + id + "/void", nullptr, "v");
  ASSERT_EQ(voided.status, 200);
  EXPECT_EQ(voided.body.at("status"), "voided");
  expect_problem(operate("/v1/payments/" + id + "/capture", nullptr, "c"), 409,
                 "payment-not-capturable");
  expect_problem(operate("/v1/payments/" + id + "/void", nullptr, "v2"), 409,
                 "payment-not-voidable");
}

TEST_P(Payments, DeclinesAreKeptWithTheirReason) {
  const auto ada = platform::new_uuid_v7();
  const std::pair<const char*, const char*> cards[] = {{"4000000000000002", "card_declined"},
                                                       {"4000000000009995", "insufficient_funds"}};
  for (const auto& [number, code] : cards) {
    const auto declined = authorize(ada, save_card(ada, number), 700, std::string("k-") + number);
    ASSERT_EQ(declined.status, 201) << boost::json::serialize(declined.body);
    EXPECT_EQ(declined.body.at("status"), "declined");
    EXPECT_EQ(declined.body.at("decline_code"), code);
    expect_problem(operate("/v1/payments/" + id_of(declined) + "/capture", nullptr,
                           std::string("c-") + number),
                   409, "payment-not-capturable");
  }
}

TEST_P(Payments, AProcessorFailureRecordsNothingAndMayBeRetried) {
  const auto ada = platform::new_uuid_v7();
  const auto card = save_card(ada, "4000000000000119");
  const auto order = platform::new_uuid_v7();
  const boost::json::object body{
      {"order_id", order}, {"customer", ada}, {"payment_method", card}, {"amount", euros(900)}};
  expect_problem(operate("/v1/payments", body, "k"), 503, "processor-unavailable");
  EXPECT_TRUE(api_.get("/v1/payments?order_id=" + order).body.at("items").as_array().empty());
  // The key was left free: the retry runs again.
  expect_problem(operate("/v1/payments", body, "k"), 503, "processor-unavailable");
}

TEST_P(Payments, ACardWhoseCaptureIsDeclinedStaysAuthorizedAndCanBeVoided) {
  const auto ada = platform::new_uuid_v7();
  const auto id = id_of(authorize(ada, save_card(ada, "4000000000000341"), 1500, "a"));
  expect_problem(operate("/v1/payments/" + id + "/capture", nullptr, "c"), 422, "capture-declined");
  EXPECT_EQ(api_.get("/v1/payments/" + id).body.at("status"), "authorized");
  EXPECT_EQ(operate("/v1/payments/" + id + "/void", nullptr, "v").body.at("status"), "voided");
}

TEST_P(Payments, OnlyTheOrdersServiceMovesMoneyWithTheCustomersOwnCard) {
  const auto ada = platform::new_uuid_v7();
  const auto card = save_card(ada);
  const auto mallory = platform::new_uuid_v7();
  expect_problem(authorize(mallory, card, 100, "steal"), 422, "payment-method-not-found");
  expect_problem(authorize(ada, platform::new_uuid_v7(), 100, "none"), 422,
                 "payment-method-not-found");
  const auto id = id_of(authorize(ada, card, 100, "ok"));

  api_.acting_as(customer_token(ada));
  expect_problem(authorize(ada, card, 100, "self"), 403, "forbidden");
  expect_problem(api_.get("/v1/payments/" + id), 403, "forbidden");
  api_.acting_as(issuer_.service_token("catalog", "catalog.write"));
  expect_problem(operate("/v1/payments/" + id + "/capture", nullptr, "c"), 403, "forbidden");
  api_.acting_as(issuer_.admin_token());
  EXPECT_EQ(api_.get("/v1/payments/" + id).status, 200);
  api_.acting_as("");
  expect_problem(api_.get("/v1/payments/" + id), 401, "unauthenticated");
}

TEST_P(Payments, BadInputIsNamed) {
  const auto ada = platform::new_uuid_v7();
  const auto card = save_card(ada);
  const auto field_of = [](const Reply& reply) {
    return reply.body.is_object() && reply.body.as_object().contains("field")
               ? std::string(reply.body.at("field").as_string())
               : std::string("none");
  };
  boost::json::object body{{"order_id", platform::new_uuid_v7()},
                           {"customer", ada},
                           {"payment_method", card},
                           {"amount", euros(100)}};
  auto without_key = api_.post("/v1/payments", body);
  expect_problem(without_key, 400, "idempotency-key-required");
  EXPECT_EQ(field_of(without_key), "Idempotency-Key");
  auto bad = body;
  bad["order_id"] = "42";
  EXPECT_EQ(field_of(operate("/v1/payments", bad, "1")), "order_id");
  bad = body;
  bad["amount"] = euros(0);
  EXPECT_EQ(field_of(operate("/v1/payments", bad, "2")), "amount.amount");
  bad["amount"] = euros(100'000'001);
  EXPECT_EQ(field_of(operate("/v1/payments", bad, "3")), "amount.amount");
  bad["amount"] = {{"amount", 100}, {"currency", "euro"}};
  EXPECT_EQ(field_of(operate("/v1/payments", bad, "4")), "amount.currency");
  bad["amount"] = 100;
  EXPECT_EQ(field_of(operate("/v1/payments", bad, "5")), "amount");
  platform::http::Headers headers;
  headers.set("Idempotency-Key", "6");
  expect_problem(
      api_.call(platform::http::Method::post, "/v1/payments", "[1,2]", "application/json", headers),
      400, "malformed-json");
  expect_problem(operate("/v1/payments/" + platform::new_uuid_v7() + "/capture", nullptr, "7"), 404,
                 "payment-not-found");
  const auto id = id_of(operate("/v1/payments", body, "8"));
  expect_problem(operate("/v1/payments/" + id + "/void", {{"amount", euros(1)}}, "9"), 400,
                 "unknown-field");
  expect_problem(operate("/v1/payments/" + id + "/capture", {{"amount", euros(101)}}, "10"), 422,
                 "amount-exceeds-authorization");
  expect_problem(api_.get("/v1/payments"), 400, "invalid-field");
  expect_problem(api_.get("/v1/payments?order_id=x&limit=3"), 400, "unknown-parameter");
}

TEST_P(Payments, ChaosFailsTheConfiguredShareAndRetriesChargeOnce) {
  ProcessorSettings chaos;
  chaos.failure_rate = 0.5;
  start(chaos);
  const auto ada = platform::new_uuid_v7();
  const auto card = save_card(ada);
  int failures = 0;
  for (int order = 0; order < 20; ++order) {
    const auto order_id = platform::new_uuid_v7();
    const boost::json::object body{{"order_id", order_id},
                                   {"customer", ada},
                                   {"payment_method", card},
                                   {"amount", euros(100 + order)}};
    const auto key = "authorize-" + order_id;
    Reply reply;
    for (int attempt = 0; attempt < 50; ++attempt) {
      reply = operate("/v1/payments", body, key);
      if (reply.status != 503) break;
      ++failures;
    }
    ASSERT_EQ(reply.status, 201);
    // The caller cannot tell whether a lost answer was a success: it asks again.
    EXPECT_EQ(operate("/v1/payments", body, key).headers.get("Idempotent-Replayed"), "true");
    EXPECT_EQ(api_.get("/v1/payments?order_id=" + order_id).body.at("items").as_array().size(), 1u);
  }
  EXPECT_GT(failures, 3) << "about half of the first attempts fail";
}

INSTANTIATE_TEST_SUITE_P(Backends, Payments,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace payments::testing
