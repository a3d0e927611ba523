#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "catalog_service.h"
#include "platform/bus/in_process_bus.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/api_client.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace catalog::testing {

// A real catalog over real HTTP in either mode: embedded (a SQLite file and
// the in-process bus) or distributed (a fresh PostgreSQL database per test and
// NATS JetStream), the latter when the test infrastructure is running.
using platform::testing::expect_problem;
using platform::testing::mode_name;
using platform::testing::Reply;

class CatalogTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Calls as an admin unless `headers` carry their own Authorization, or
  // as nobody after acting_as("").
  Reply call(platform::http::Method method, const std::string& path, const std::string& body = {},
             const std::string& content_type = "application/json",
             platform::http::Headers headers = {}) {
    return api_.call(method, path, body, content_type, std::move(headers));
  }
  Reply get(const std::string& path, platform::http::Headers headers = {}) {
    return api_.get(path, std::move(headers));
  }
  Reply post(const std::string& path, const boost::json::value& body) {
    return api_.post(path, body);
  }

  // Creates the categories "home" and "home/lighting"; returns nothing.
  void create_categories();
  // Creates an active product in "lighting" with `stock` units; returns its id.
  std::string create_product(const std::string& sku, std::int64_t price, std::int64_t stock,
                             const std::string& brand = "Lumen");

  std::string url(const std::string& path) const { return api_.url(path); }
  // The bearer token call() sends (an admin's at first); empty sends none.
  void acting_as(std::string token) { api_.acting_as(std::move(token)); }

  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::testing::TestIssuer issuer_;
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  std::unique_ptr<CatalogService> service_;
  std::unique_ptr<platform::http::Server> server_;
  platform::testing::ApiClient api_;
};

}  // namespace catalog::testing
