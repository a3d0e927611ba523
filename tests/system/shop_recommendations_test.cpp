// The embedded shop serves recommendations behind its gateway: the service
// trains when the shop starts and answers as its contract says.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "platform/http/client.h"
#include "platform/testing/child_process.h"
#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;

TEST(ShopRecommendations, TheGatewayServesThemFromModelsTrainedAtStart) {
  platform::testing::TemporaryDirectory directory;
  const int port = platform::testing::free_port();
  const auto base = "http://127.0.0.1:" + std::to_string(port);
  platform::testing::ChildProcess shop(SHOP_BINARY,
                                       {{"SHOP_PORT", std::to_string(port)},
                                        {"SHOP_PUBLIC_URL", base},
                                        {"SHOP_DATA_DIR", (directory.path() / "data").string()},
                                        {"SHOP_SEED_DEMO", "false"},
                                        {"SHOP_ACCESS_LOG", "false"}},
                                       directory.path() / "shop.log");
  ASSERT_TRUE(platform::testing::wait_for_http_ok(port, "/readyz", 20s)) << shop.log();
  ASSERT_TRUE(shop.wait_for_log("models trained", 20s)) << shop.log();

  platform::http::Client client;
  const auto popular = client.get(base + "/api/recommendations/v1/recommendations/popular");
  ASSERT_EQ(popular.status, 200) << popular.body;
  const auto body = boost::json::parse(popular.body).as_object();
  EXPECT_EQ(body.at("model"), "popular");
  EXPECT_FALSE(body.at("trained_at").is_null());
  EXPECT_TRUE(body.at("items").as_array().empty()) << "nobody bought anything yet";

  const auto personal = client.get(base + "/api/recommendations/v1/recommendations/users/someone");
  EXPECT_EQ(personal.status, 401);
  EXPECT_EQ(personal.headers.get("Content-Type"), "application/problem+json");
}

}  // namespace
