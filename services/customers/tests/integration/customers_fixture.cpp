#include "customers_fixture.h"

#include "platform/ids.h"
#include "platform/testing/buses.h"
#include "platform/testing/environment.h"

namespace customers::testing {

void CustomersTest::SetUp() {
  database_ = platform::testing::open_fresh_database(GetParam());
  if (!database_) GTEST_SKIP() << "backend not configured";
  CustomersService::migrate(database_->database());
  if (GetParam() == platform::testing::DatabaseBackend::postgres) {
    SHOP_REQUIRE_BACKEND(platform::testing::nats_url(), "NATS (SHOP_TEST_NATS_URL)");
  }
  bus_ = platform::testing::open_test_bus(GetParam(), "customers-test");
  // Tests running at once share the NATS server: each gets its own consumers.
  CustomersOptions options;
  const auto suffix = platform::random_hex(4);
  options.consumers.registrations = "customers-registrations-" + suffix;
  options.consumers.orders = "customers-orders-" + suffix;
  service_ = std::make_unique<CustomersService>(database_->database(), *bus_, registry_,
                                                issuer_.verifier(), options);
  platform::http::ServerOptions server_options;
  server_options.service = "customers-test";
  server_options.access_log = false;
  server_options.max_body_bytes = 256 * 1024;
  server_ = std::make_unique<platform::http::Server>(server_options, service_->routes(), registry_);
  server_->start();
  api_.set_base_url("http://127.0.0.1:" + std::to_string(server_->port()));
  new_customer();
}

void CustomersTest::TearDown() {
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  bus_.reset();
  database_.reset();
}

std::string CustomersTest::new_customer() {
  customer_ = platform::new_uuid_v7();
  api_.acting_as(issuer_.user_token(customer_));
  return customer_;
}

boost::json::object CustomersTest::address(const std::string& line1) {
  return {{"recipient", "Ada Lovelace"},
          {"line1", line1},
          {"city", "Berlin"},
          {"postal_code", "10117"},
          {"country", "DE"}};
}

void CustomersTest::publish(const std::string& subject, const boost::json::object& data,
                            const std::string& occurred_at) {
  auto event = platform::bus::make_event(subject, boost::json::serialize(data));
  if (!occurred_at.empty()) event.occurred_at = occurred_at;
  bus_->publish(event);
}

std::uint64_t CustomersTest::events_counted(const std::string& subject,
                                            const std::string& outcome) const {
  const auto text = registry_.render();
  const auto series =
      "customers_events_total{subject=\"" + subject + "\",outcome=\"" + outcome + "\"} ";
  const auto at = text.find(series);
  if (at == std::string::npos) return 0;
  return std::stoull(text.substr(at + series.size()));
}

std::int64_t CustomersTest::rows(const std::string& table, const std::string& column,
                                 const std::string& value) {
  return database_->database().read([&](platform::db::Session& session) {
    return session.run("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = $1", value)
        .front()
        .get<std::int64_t>(0);
  });
}

}  // namespace customers::testing
