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
#include "platform/testing/api_client.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace customers::testing {

using platform::testing::eventually;
using platform::testing::expect_problem;
using platform::testing::mode_name;
using platform::testing::Reply;

// A real customers service over real HTTP in either mode: embedded (a SQLite
// file and the in-process bus) or distributed (a fresh PostgreSQL database
// per test and NATS JetStream), the latter when the test infrastructure runs.
// Calls are made as one signed-in customer unless a test acts as another.

class CustomersTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend>,
                      protected platform::testing::ApiCalls {
 protected:
  void SetUp() override;
  void TearDown() override;

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
  // Rows of `table` whose `column` is `value`, read straight from the database.
  std::int64_t rows(const std::string& table, const std::string& column, const std::string& value);

  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::testing::TestIssuer issuer_;
  std::string customer_;  // the customer calls act as, once new_customer() ran
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  std::unique_ptr<CustomersService> service_;
  std::unique_ptr<platform::http::Server> server_;
};

}  // namespace customers::testing
