#include "catalog_fixture.h"

#include "platform/testing/buses.h"

namespace catalog::testing {

void CatalogTest::SetUp() {
  database_ = platform::testing::open_fresh_database(GetParam());
  if (!database_) GTEST_SKIP() << "backend not configured";
  CatalogService::migrate(database_->database());
  if (GetParam() == platform::testing::DatabaseBackend::postgres) {
    SHOP_REQUIRE_BACKEND(platform::testing::nats_url(), "NATS (SHOP_TEST_NATS_URL)");
  }
  bus_ = platform::testing::open_test_bus(GetParam(), "catalog-test");
  CatalogOptions options;
  options.expiry_interval = std::chrono::milliseconds(50);
  service_ = std::make_unique<CatalogService>(database_->database(), *bus_, registry_,
                                              issuer_.verifier(), options);
  platform::http::ServerOptions server_options;
  server_options.service = "catalog-test";
  server_options.access_log = false;
  server_options.max_body_bytes = 256 * 1024;
  server_ = std::make_unique<platform::http::Server>(server_options, service_->routes(), registry_);
  server_->start();
  api_.set_base_url("http://127.0.0.1:" + std::to_string(server_->port()));
  api_.acting_as(issuer_.admin_token());
}

void CatalogTest::TearDown() {
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  bus_.reset();
  database_.reset();
}

void CatalogTest::create_categories() {
  ASSERT_EQ(post("/v1/categories", {{"slug", "home"}, {"name", "Home"}}).status, 201);
  ASSERT_EQ(post("/v1/categories", {{"slug", "lighting"}, {"name", "Lighting"}, {"parent", "home"}})
                .status,
            201);
}

std::string CatalogTest::create_product(const std::string& sku, std::int64_t price,
                                        std::int64_t stock, const std::string& brand) {
  boost::json::object product{{"sku", sku},
                              {"title", "Lamp " + sku},
                              {"brand", brand},
                              {"category", "lighting"},
                              {"price", {{"amount", price}, {"currency", "EUR"}}},
                              {"stock", {{"on_hand", stock}}}};
  const auto reply = post("/v1/products", product);
  EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  return reply.status == 201 ? std::string(reply.body.at("id").as_string()) : std::string();
}

}  // namespace catalog::testing
