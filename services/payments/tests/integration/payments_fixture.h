#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "payments_service.h"
#include "platform/http/server.h"
#include "platform/testing/api_client.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace payments::testing {

using platform::testing::expect_problem;
using platform::testing::mode_name;
using platform::testing::Reply;

// A real payments service over real HTTP on SQLite (embedded) or a fresh
// PostgreSQL database (distributed). Calls are made by `orders_` (the orders
// service's token, scope payments.charge) unless a test acts as someone else.
class PaymentsTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend>,
                     protected platform::testing::ApiCalls {
 protected:
  void SetUp() override { start({}); }
  void TearDown() override;
  // (Re)starts the service with these processor settings.
  void start(ProcessorSettings processor);

  std::string customer_token(const std::string& customer) const {
    return issuer_.user_token(customer);
  }
  std::string orders_token() const { return issuer_.service_token("orders", "payments.charge"); }

  // Saves `number` as `customer`'s card; returns its id.
  std::string save_card(const std::string& customer,
                        const std::string& number = "4242424242424242");
  // Authorizes `amount` EUR of a new order on `card` as the orders service.
  Reply authorize(const std::string& customer, const std::string& card, std::int64_t amount,
                  const std::string& key);
  // POSTs `body` (JSON, or nothing when null) to `path` under `key`.
  Reply operate(const std::string& path, const boost::json::value& body, const std::string& key);

  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::testing::TestIssuer issuer_;
  std::unique_ptr<platform::metrics::Registry> registry_;
  std::unique_ptr<PaymentsService> service_;
  std::unique_ptr<platform::http::Server> server_;
};

// {"amount": amount, "currency": "EUR"}
boost::json::object euros(std::int64_t amount);

}  // namespace payments::testing
