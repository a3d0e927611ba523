#include "payments_fixture.h"

#include "platform/ids.h"

namespace payments::testing {

void PaymentsTest::start(ProcessorSettings processor) {
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  if (!database_) {
    database_ = platform::testing::open_fresh_database(GetParam());
    if (!database_) GTEST_SKIP() << "backend not configured";
    PaymentsService::migrate(database_->database());
  }
  registry_ = std::make_unique<platform::metrics::Registry>();
  service_ = std::make_unique<PaymentsService>(database_->database(), *registry_,
                                               issuer_.verifier(), processor);
  platform::http::ServerOptions server_options;
  server_options.service = "payments-test";
  server_options.access_log = false;
  server_ =
      std::make_unique<platform::http::Server>(server_options, service_->routes(), *registry_);
  server_->start();
  api_.set_base_url("http://127.0.0.1:" + std::to_string(server_->port()));
  api_.acting_as(orders_token());
}

void PaymentsTest::TearDown() {
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  database_.reset();
}

std::string PaymentsTest::save_card(const std::string& customer, const std::string& number) {
  auto headers = platform::testing::TestIssuer::bearer(customer_token(customer));
  const auto reply = api_.post("/v1/payment-methods",
                               {{"number", number},
                                {"expiry_month", 12},
                                {"expiry_year", 2040},
                                {"cvc", number.size() == 15 ? "1234" : "123"},
                                {"holder", "Ada Lovelace"}},
                               std::move(headers));
  EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  return reply.body.is_object() ? std::string(reply.body.at("id").as_string()) : std::string();
}

Reply PaymentsTest::authorize(const std::string& customer, const std::string& card,
                              std::int64_t amount, const std::string& key) {
  return operate("/v1/payments",
                 boost::json::object{{"order_id", platform::new_uuid_v7()},
                                     {"customer", customer},
                                     {"payment_method", card},
                                     {"amount", euros(amount)}},
                 key);
}

Reply PaymentsTest::operate(const std::string& path, const boost::json::value& body,
                            const std::string& key) {
  platform::http::Headers headers;
  headers.set("Idempotency-Key", key);
  if (body.is_null()) {
    return api_.call(platform::http::Method::post, path, {}, {}, std::move(headers));
  }
  return api_.post(path, body, std::move(headers));
}

boost::json::object euros(std::int64_t amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

}  // namespace payments::testing
