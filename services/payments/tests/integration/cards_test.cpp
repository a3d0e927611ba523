// Saved cards: what is kept of a card, who sees it, and what is refused.
#include "payments_fixture.h"
#include "platform/ids.h"

namespace payments::testing {
namespace {

class Cards : public PaymentsTest {
 protected:
  Reply save_as(const std::string& token, boost::json::object card) {
    return api_.post("/v1/payment-methods", card, platform::testing::TestIssuer::bearer(token));
  }
  static boost::json::object card(const std::string& number = "4242 4242 4242 4242") {
    return {{"number", number},
            {"expiry_month", 12},
            {"expiry_year", 2040},
            {"cvc", "123"},
            {"holder", "Ada Lovelace"}};
  }
};

TEST_P(Cards, KeepsOnlyBrandLastDigitsExpiryAndHolder) {
  const auto ada = platform::new_uuid_v7();
  const auto saved = save_as(customer_token(ada), card("5555-5555-5555-4444"));
  ASSERT_EQ(saved.status, 201) << boost::json::serialize(saved.body);
  EXPECT_EQ(saved.body.at("brand"), "mastercard");
  EXPECT_EQ(saved.body.at("last4"), "4444");
  EXPECT_FALSE(saved.body.as_object().contains("number"));
  EXPECT_FALSE(saved.body.as_object().contains("cvc"));
  const std::string id(saved.body.at("id").as_string());
  EXPECT_EQ(saved.headers.get("Location"), "/v1/payment-methods/" + id);

  const auto stored = database_->database().read([&](platform::db::Session& session) {
    std::string everything;
    // Every text column of the table.
    for (const auto& row :
         session.run("SELECT id, owner, brand, last4, holder, behaviour FROM payment_methods")) {
      for (std::size_t column = 0; column < row.size(); ++column) {
        everything += row.get<std::string>(column) + "|";
      }
    }
    return everything;
  });
  EXPECT_EQ(stored.find("5555555555554444"), std::string::npos) << "the number is not stored";
  EXPECT_EQ(stored.find("|123|"), std::string::npos) << "the security code is not stored";

  api_.acting_as(customer_token(ada));
  const auto mine = api_.get("/v1/payment-methods");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(api_.get("/v1/payment-methods/" + id).status, 200);
}

TEST_P(Cards, SomeoneElsesCardIsNotThereButTheOrdersServiceSeesIt) {
  const auto ada = platform::new_uuid_v7();
  const auto id = save_card(ada);
  api_.acting_as(customer_token(platform::new_uuid_v7()));
  expect_problem(api_.get("/v1/payment-methods/" + id), 404, "payment-method-not-found");
  EXPECT_TRUE(api_.get("/v1/payment-methods").body.at("items").as_array().empty());
  api_.acting_as(orders_token());
  EXPECT_EQ(api_.get("/v1/payment-methods/" + id).status, 200);
  api_.acting_as(issuer_.admin_token());
  EXPECT_EQ(api_.get("/v1/payment-methods/" + id).status, 200);
  api_.acting_as("");
  expect_problem(api_.get("/v1/payment-methods/" + id), 401, "unauthenticated");
}

TEST_P(Cards, RefusesCardsThatCannotBeCharged) {
  const auto token = customer_token(platform::new_uuid_v7());
  const auto field_of = [](const Reply& reply) {
    return reply.body.is_object() && reply.body.as_object().contains("field")
               ? std::string(reply.body.at("field").as_string())
               : std::string("none");
  };
  auto typo = save_as(token, card("4242 4242 4242 4241"));
  expect_problem(typo, 400, "invalid-field");
  EXPECT_EQ(field_of(typo), "number");
  expect_problem(save_as(token, card("4242 abcd 4242 4242")), 400, "invalid-field");
  auto jcb = save_as(token, card("3530 1113 3330 0000"));
  expect_problem(jcb, 422, "card-brand-not-accepted");

  auto expired = card();
  expired["expiry_year"] = 2020;
  const auto old = save_as(token, expired);
  expect_problem(old, 422, "card-expired");
  EXPECT_EQ(field_of(old), "expiry_year");

  auto short_code = card();
  short_code["cvc"] = "12";
  EXPECT_EQ(field_of(save_as(token, short_code)), "cvc");
  auto amex_code = card("3782 822463 10005");
  EXPECT_EQ(field_of(save_as(token, amex_code)), "cvc") << "American Express has 4 digits";
  auto month = card();
  month["expiry_month"] = 13;
  EXPECT_EQ(field_of(save_as(token, month)), "expiry_month");
  auto wrong_type = card();
  wrong_type["expiry_month"] = "12";
  EXPECT_EQ(field_of(save_as(token, wrong_type)), "expiry_month");
  auto unknown = card();
  unknown["pin"] = "0000";
  expect_problem(save_as(token, unknown), 400, "unknown-field");

  auto malformed =
      api_.call(platform::http::Method::post, "/v1/payment-methods",
                "{\"number\":", "application/json", platform::testing::TestIssuer::bearer(token));
  expect_problem(malformed, 400, "malformed-json");
  // A service has no cards of its own.
  expect_problem(save_as(orders_token(), card()), 403, "forbidden");
}

INSTANTIATE_TEST_SUITE_P(Backends, Cards,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace payments::testing
