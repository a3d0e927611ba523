// One effect per Idempotency-Key, however the key is retried: in sequence,
// at the same moment, or with another request.
#include <set>

#include "payments_fixture.h"
#include "platform/ids.h"

namespace payments::testing {
namespace {

class Idempotency : public PaymentsTest {};

TEST_P(Idempotency, ARetryGetsTheFirstAnswerAndAnotherRequestIsRefused) {
  const auto ada = platform::new_uuid_v7();
  const auto card = save_card(ada);
  const boost::json::object body{{"order_id", platform::new_uuid_v7()},
                                 {"customer", ada},
                                 {"payment_method", card},
                                 {"amount", euros(2500)}};
  const auto first = operate("/v1/payments", body, "checkout-1");
  ASSERT_EQ(first.status, 201);
  EXPECT_TRUE(first.headers.get("Idempotent-Replayed").empty());
  const auto again = operate("/v1/payments", body, "checkout-1");
  EXPECT_EQ(again.status, 201) << "the first answer's status";
  EXPECT_EQ(again.headers.get("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.body.at("id"), first.body.at("id"));

  auto other = body;
  other["amount"] = euros(2600);
  expect_problem(operate("/v1/payments", other, "checkout-1"), 422, "idempotency-key-reused");

  const std::string id(first.body.at("id").as_string());
  const auto capture = operate("/v1/payments/" + id + "/capture", nullptr, "capture-1");
  ASSERT_EQ(capture.status, 200);
  const auto capture_again = operate("/v1/payments/" + id + "/capture", nullptr, "capture-1");
  EXPECT_EQ(capture_again.status, 200) << "not 409: the same capture, replayed";
  EXPECT_EQ(capture_again.headers.get("Idempotent-Replayed"), "true");
  // The key belongs to another operation.
  expect_problem(operate("/v1/payments/" + id + "/void", nullptr, "capture-1"), 422,
                 "idempotency-key-reused");

  // Keys are the caller's own: the same key from another service is another key.
  api_.acting_as(issuer_.admin_token());
  expect_problem(operate("/v1/payments/" + id + "/capture", nullptr, "capture-1"), 409,
                 "payment-not-capturable");
}

TEST_P(Idempotency, TheSameKeySentConcurrentlyChargesOnce) {
  const auto ada = platform::new_uuid_v7();
  const auto card = save_card(ada);
  const auto order = platform::new_uuid_v7();
  const boost::json::object body{
      {"order_id", order}, {"customer", ada}, {"payment_method", card}, {"amount", euros(4200)}};
  constexpr int kClients = 8;
  const auto replies = platform::testing::at_once(kClients, [&](int) {
    platform::testing::ApiClient client(api_.url(""));
    client.acting_as(orders_token());
    platform::http::Headers headers;
    headers.set("Idempotency-Key", "pay-" + order);
    return client.post("/v1/payments", body, headers);
  });
  std::set<std::string> ids;
  for (const auto& reply : replies) {
    ASSERT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
    ids.insert(std::string(reply.body.at("id").as_string()));
  }
  EXPECT_EQ(ids.size(), 1u) << "every client got the same payment";
  EXPECT_EQ(api_.get("/v1/payments?order_id=" + order).body.at("items").as_array().size(), 1u);
}

TEST_P(Idempotency, ConcurrentCapturesWithDifferentKeysCaptureOnce) {
  const auto ada = platform::new_uuid_v7();
  const auto id =
      std::string(authorize(ada, save_card(ada), 1000, "authorize").body.at("id").as_string());
  constexpr int kClients = 6;
  const auto replies = platform::testing::at_once(kClients, [&](int i) {
    platform::testing::ApiClient client(api_.url(""));
    client.acting_as(orders_token());
    platform::http::Headers headers;
    headers.set("Idempotency-Key", "capture-" + std::to_string(i));
    return client.call(platform::http::Method::post, "/v1/payments/" + id + "/capture", {}, {},
                       headers);
  });
  std::vector<int> statuses;
  for (const auto& reply : replies) statuses.push_back(reply.status);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kClients - 1);
  const auto payment = api_.get("/v1/payments/" + id);
  EXPECT_EQ(payment.body.at("captured").at("amount"), 1000);
  EXPECT_EQ(payment.body.at("operations").as_array().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Idempotency,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace payments::testing
