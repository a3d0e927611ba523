#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "customers_service.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace customers::testing {

// A real customers service over real HTTP in either mode: embedded (a SQLite
// file and the in-process bus) or distributed (a fresh PostgreSQL database
// per test and NATS JetStream), the latter when the test infrastructure runs.
// Calls are made as one signed-in customer unless a test acts as another.
class CustomersTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend> {
 public:
  struct Reply {
    int status = 0;
    std::string content_type;
    platform::http::Headers headers;
    boost::json::value body;  // null when the body is not JSON
  };

 protected:
  void SetUp() override;
  void TearDown() override;

  Reply call(platform::http::Method method, const std::string& path, const std::string& body = {},
             const std::string& content_type = "application/json",
             platform::http::Headers headers = {});
  Reply get(const std::string& path) { return call(platform::http::Method::get, path); }
  Reply post(const std::string& path, const boost::json::value& body,
             platform::http::Headers headers = {}) {
    return call(platform::http::Method::post, path, boost::json::serialize(body),
                "application/json", std::move(headers));
  }
  Reply patch(const std::string& path, const boost::json::value& body) {
    return call(platform::http::Method::patch, path, boost::json::serialize(body),
                "application/merge-patch+json");
  }
  Reply put(const std::string& path) { return call(platform::http::Method::put, path, {}, {}); }
  Reply remove(const std::string& path) { return call(platform::http::Method::delete_, path); }

  // The bearer token call() sends; empty sends none.
  void acting_as(std::string token) { token_ = std::move(token); }
  // Signs in as a new customer (a fresh UUIDv7 id); returns the id.
  std::string new_customer();
  std::string admin_token() const { return issuer_.admin_token(); }

  // A valid address to POST, with `line1` to tell addresses apart.
  static boost::json::object address(const std::string& line1 = "Unter den Linden 1");

  // Publishes an event as another service would.
  void publish(const std::string& subject, const boost::json::object& data,
               const std::string& occurred_at = {});
  // How often the service counted an event of `subject` with `outcome`.
  std::uint64_t events_counted(const std::string& subject, const std::string& outcome) const;
  // Polls `done` until it holds or `limit` passes; returns whether it held.
  static bool eventually(const std::function<bool()>& done,
                         std::chrono::milliseconds limit = std::chrono::seconds(20));
  // Rows of `table` whose `column` is `value`, read straight from the database.
  std::int64_t rows(const std::string& table, const std::string& column, const std::string& value);

  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::testing::TestIssuer issuer_;
  std::string customer_;  // the customer calls act as, once new_customer() ran
  std::string token_;
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  std::unique_ptr<CustomersService> service_;
  std::unique_ptr<platform::http::Server> server_;
  platform::http::Client client_;
};

// "EmbeddedSQLiteInProcess" / "DistributedPostgreSQLNats", for test names.
std::string mode_name(const ::testing::TestParamInfo<platform::testing::DatabaseBackend>& info);

// Checks the shape every error must have: a problem document with `code`.
void expect_problem(const CustomersTest::Reply& reply, int status, const std::string& code);

}  // namespace customers::testing
