#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "catalog_service.h"
#include "platform/bus/in_process_bus.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace catalog::testing {

// A real catalog over real HTTP in either mode: embedded (a SQLite file and
// the in-process bus) or distributed (a fresh PostgreSQL database per test and
// NATS JetStream), the latter when the test infrastructure is running.
class CatalogTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend> {
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

  // Calls as an admin unless `headers` carry their own Authorization, or
  // as nobody after acting_as("").
  Reply call(platform::http::Method method, const std::string& path, const std::string& body = {},
             const std::string& content_type = "application/json",
             platform::http::Headers headers = {});
  Reply get(const std::string& path, platform::http::Headers headers = {}) {
    return call(platform::http::Method::get, path, {}, {}, std::move(headers));
  }
  Reply post(const std::string& path, const boost::json::value& body) {
    return call(platform::http::Method::post, path, boost::json::serialize(body));
  }

  // Creates the categories "home" and "home/lighting"; returns nothing.
  void create_categories();
  // Creates an active product in "lighting" with `stock` units; returns its id.
  std::string create_product(const std::string& sku, std::int64_t price, std::int64_t stock,
                             const std::string& brand = "Lumen");

  std::string url(const std::string& path) const;
  // The bearer token call() sends by default; empty sends none.
  void acting_as(std::string token) { token_ = std::move(token); }

  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::testing::TestIssuer issuer_;
  std::string token_ = issuer_.admin_token();
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  std::unique_ptr<CatalogService> service_;
  std::unique_ptr<platform::http::Server> server_;
  platform::http::Client client_;
};

// "EmbeddedSQLite" / "DistributedPostgreSQL", for test names.
std::string mode_name(const ::testing::TestParamInfo<platform::testing::DatabaseBackend>& info);

// Checks the shape every error must have: a 4xx problem document.
void expect_problem(const CatalogTest::Reply& reply, int status, const std::string& code);

}  // namespace catalog::testing
