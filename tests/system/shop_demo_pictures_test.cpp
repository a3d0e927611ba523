// The embedded shop with its demo data: every product gets a picture drawn
// for it, stored by the images service and named in the catalog, and the
// gateway delivers it at the size and in the format a browser asks for.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <set>

#include "platform/http/client.h"
#include "platform/testing/child_process.h"
#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;

TEST(ShopDemoPictures, EveryDemoProductGetsAPictureTheGatewayDelivers) {
  platform::testing::TemporaryDirectory directory;
  const int port = platform::testing::free_port();
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  const auto start_shop = [&](const std::string& log) {
    return std::make_unique<platform::testing::ChildProcess>(
        SHOP_BINARY,
        std::map<std::string, std::string>{
            {"SHOP_PORT", std::to_string(port)},
            {"SHOP_PUBLIC_URL", base},
            {"SHOP_DATA_DIR", (directory.path() / "data").string()},
            {"SHOP_WEB_ROOT", ""},
            {"SHOP_DEMO_PICTURE_SIZE", "256"},  // small: quick to draw, even under sanitizers
            {"SHOP_ACCESS_LOG", "false"}},
        directory.path() / log);
  };
  auto shop = start_shop("shop.log");
  ASSERT_TRUE(platform::testing::wait_for_http_ok(port, "/readyz", 30s)) << shop->log();
  ASSERT_TRUE(shop->wait_for_log("demo pictures checked", 180s)) << shop->log();
  EXPECT_NE(shop->log().find("\"drawn\":340"), std::string::npos) << shop->log();

  platform::http::Client client({.max_response_bytes = 16 << 20});
  const auto page = client.get(base + "/api/catalog/v1/products?limit=100");
  ASSERT_EQ(page.status, 200);
  const auto items = boost::json::parse(page.body).at("items").as_array();
  ASSERT_EQ(items.size(), 100U);
  std::set<std::string> pictures;
  for (const auto& item : items) {
    const auto& ids = item.at("image_ids").as_array();
    ASSERT_EQ(ids.size(), 1U) << boost::json::serialize(item);
    pictures.emplace(ids.front().as_string());
  }
  EXPECT_EQ(pictures.size(), items.size()) << "products share pictures";

  const auto id = *pictures.begin();
  const auto metadata = client.get(base + "/api/images/v1/images/" + id + "/metadata");
  ASSERT_EQ(metadata.status, 200) << metadata.body;
  EXPECT_EQ(boost::json::parse(metadata.body).at("width"), 256);
  platform::http::Headers accept;
  accept.set("Accept", "image/webp,*/*");
  const auto card = client.get(base + "/api/images/v1/images/" + id + "?preset=card", accept);
  ASSERT_EQ(card.status, 200);
  EXPECT_EQ(card.headers.get("Content-Type"), "image/webp");
  EXPECT_EQ(card.body.substr(8, 4), "WEBP");
  EXPECT_EQ(card.headers.get("Cache-Control"), "public, max-age=31536000, immutable");

  // A second start finds every product pictured and draws nothing.
  shop->stop(SIGTERM);
  const auto again = start_shop("again.log");
  ASSERT_TRUE(platform::testing::wait_for_http_ok(port, "/readyz", 30s)) << again->log();
  ASSERT_TRUE(again->wait_for_log("demo pictures checked", 60s)) << again->log();
  EXPECT_NE(again->log().find("\"drawn\":0"), std::string::npos) << again->log();
  EXPECT_EQ(client.get(base + "/api/images/v1/images/" + id + "?preset=card", accept).body,
            card.body);
}

}  // namespace
