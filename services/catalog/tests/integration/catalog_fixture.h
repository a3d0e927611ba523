#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "catalog_service.h"
#include "platform/bus/event_bus.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/api_client.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace catalog::testing {

using platform::testing::expect_problem;
using platform::testing::mode_name;
using platform::testing::Reply;

// A real catalog over real HTTP in either mode: embedded (a SQLite file and
// the in-process bus) or distributed (a fresh PostgreSQL database per test and
// NATS JetStream), the latter when the test infrastructure is running. Calls
// are made as an admin (acting_as(""): as nobody) unless a call carries its
// own Authorization.
class CatalogTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend>,
                    protected platform::testing::ApiCalls {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Creates the categories "home" and "home/lighting"; returns nothing.
  void create_categories();
  // Creates an active product in "lighting" with `stock` units; returns its id.
  std::string create_product(const std::string& sku, std::int64_t price, std::int64_t stock,
                             const std::string& brand = "Lumen");

  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::testing::TestIssuer issuer_;
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  std::unique_ptr<CatalogService> service_;
  std::unique_ptr<platform::http::Server> server_;
};

}  // namespace catalog::testing
