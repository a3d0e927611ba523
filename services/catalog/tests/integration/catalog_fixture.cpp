#include "catalog_fixture.h"

#include "platform/bus/nats_bus.h"

namespace catalog::testing {

void CatalogTest::SetUp() {
  database_ = platform::testing::open_fresh_database(GetParam());
  if (!database_) GTEST_SKIP() << "backend not configured";
  CatalogService::migrate(database_->database());
  if (GetParam() == platform::testing::DatabaseBackend::postgres) {
    const auto nats = platform::testing::nats_url();
    SHOP_REQUIRE_BACKEND(nats, "NATS (SHOP_TEST_NATS_URL)");
    platform::bus::NatsBusOptions options;
    options.url = *nats;
    options.connection_name = "catalog-test";
    bus_ = std::make_unique<platform::bus::NatsBus>(options);
  } else {
    bus_ = std::make_unique<platform::bus::InProcessBus>();
  }
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
}

void CatalogTest::TearDown() {
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  bus_.reset();
  database_.reset();
}

std::string CatalogTest::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

CatalogTest::Reply CatalogTest::call(platform::http::Method method, const std::string& path,
                                     const std::string& body, const std::string& content_type,
                                     platform::http::Headers headers) {
  platform::http::ClientRequest request;
  request.method = method;
  request.url = url(path);
  request.headers = std::move(headers);
  if (!token_.empty() && !request.headers.contains("Authorization")) {
    request.headers.set("Authorization", "Bearer " + token_);
  }
  if (!content_type.empty()) request.headers.set("Content-Type", content_type);
  request.body = body;
  const auto response = client_.send(std::move(request));
  Reply reply;
  reply.status = response.status;
  reply.content_type = std::string(response.headers.get("Content-Type"));
  reply.headers = response.headers;
  boost::system::error_code error;
  auto parsed = boost::json::parse(response.body, error);
  if (!error) reply.body = std::move(parsed);
  return reply;
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

std::string mode_name(const ::testing::TestParamInfo<platform::testing::DatabaseBackend>& info) {
  return info.param == platform::testing::DatabaseBackend::postgres ? "DistributedPostgreSQLNats"
                                                                    : "EmbeddedSQLiteInProcess";
}

void expect_problem(const CatalogTest::Reply& reply, int status, const std::string& code) {
  EXPECT_EQ(reply.status, status) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.content_type, "application/problem+json");
  ASSERT_TRUE(reply.body.is_object()) << "problem body is not JSON";
  EXPECT_EQ(reply.body.at("type").as_string(), "/problems/" + code)
      << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("status").as_int64(), status);
}

}  // namespace catalog::testing
