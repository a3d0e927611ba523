// Must-show 2 of recommendations on the whole shop as separate processes:
// shoppers check out through the gateway as the web app would, the orders'
// events reach the recommendations service over NATS, and a training makes
// another shopper, who bought what they bought, be offered the rest.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "distributed_shop.h"
#include "platform/ids.h"
#include "platform/money.h"
#include "platform/testing/api_client.h"
#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;
using platform::testing::ApiClient;

class DistributedRecommendations : public ::testing::Test {
 protected:
  void SetUp() override {
    SHOP_REQUIRE_BACKEND(shop::testing::DistributedShop::infrastructure_configured(),
                         "PostgreSQL, Redis and NATS (SHOP_TEST_*)");
    shop_ = std::make_unique<shop::testing::DistributedShop>(
        directory_.path(), shop::testing::DistributedShop::Options{.argon2_memory_kib = 8192});
    admin_.set_base_url(shop_->url());
    admin_.acting_as(shop_->admin_token());
  }

  std::string create_product(const std::string& name) {
    const auto reply = admin_.post("/api/catalog/v1/products",
                                   {{"sku", "REC-" + run_ + "-" + name},
                                    {"title", "Camping " + name},
                                    {"brand", "Acme"},
                                    {"category", category_},
                                    {"price", platform::to_json(platform::Money{4000, "EUR"})},
                                    {"stock", {{"on_hand", 50}}}});
    EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
    return std::string(reply.body.at("id").as_string());
  }

  // Signs a new shopper up, buys `products` and returns the shopper's
  // client (signed in) and id.
  std::pair<std::unique_ptr<ApiClient>, std::string> shopper_buying(
      const std::vector<std::string>& products) {
    auto shopper = std::make_unique<ApiClient>(shop_->url());
    const auto email = "rec-" + platform::random_hex(6) + "@example.com";
    shopper->acting_as(shop_->sign_up(email, "a long passphrase for shopping"));
    const auto who = shopper->get("/api/auth/userinfo");
    EXPECT_EQ(who.status, 200) << boost::json::serialize(who.body);
    const std::string id(who.body.at("sub").as_string());
    const auto card =
        shopper->post("/api/payments/v1/payment-methods", {{"number", "4242424242424242"},
                                                           {"expiry_month", 12},
                                                           {"expiry_year", 2040},
                                                           {"cvc", "123"},
                                                           {"holder", "Camper"}});
    EXPECT_EQ(card.status, 201) << boost::json::serialize(card.body);
    for (const auto& product : products) {
      EXPECT_EQ(shopper->post("/api/cart/v1/cart/items", {{"product_id", product}, {"quantity", 1}})
                    .status,
                200);
    }
    platform::http::Headers key;
    key.set("Idempotency-Key", "rec-" + platform::random_hex(8));
    const auto order = shopper->post("/api/cart/v1/checkout",
                                     {{"shipping_address",
                                       {{"recipient", "Camper"},
                                        {"line1", "Unter den Linden 1"},
                                        {"city", "Berlin"},
                                        {"postal_code", "10117"},
                                        {"country", "DE"}}},
                                      {"shipping_speed", "standard"},
                                      {"payment_method", card.body.at("id")},
                                      {"email", email}},
                                     key);
    EXPECT_EQ(order.status, 201) << boost::json::serialize(order.body);
    EXPECT_EQ(order.body.at("status"), "paid") << boost::json::serialize(order.body);
    return {std::move(shopper), id};
  }

  platform::testing::TemporaryDirectory directory_;
  std::unique_ptr<shop::testing::DistributedShop> shop_;
  ApiClient admin_;
  const std::string run_ = platform::random_hex(4);
  const std::string category_ = "camping-" + run_;
};

TEST_F(DistributedRecommendations, PurchasesOfSimilarShoppersChangeWhatAnotherIsOffered) {
  ASSERT_EQ(
      admin_.post("/api/catalog/v1/categories", {{"slug", category_}, {"name", "Camping"}}).status,
      201);
  const auto tent = create_product("tent");
  const auto bag = create_product("sleeping-bag");
  const auto lantern = create_product("lantern");

  auto [ada, ada_id] = shopper_buying({tent});
  for (int camper = 0; camper < 3; ++camper) shopper_buying({tent, bag});
  shopper_buying({lantern});

  // The orders' events travel over NATS; train until the campers' orders
  // are in the models.
  const auto path = "/api/recommendations/v1/recommendations/users/" + ada_id + "?limit=1";
  platform::testing::Reply offered;
  ASSERT_TRUE(platform::testing::eventually(
      [&] {
        if (admin_.post("/api/recommendations/v1/recommendations/training", boost::json::object{})
                .status != 200) {
          return false;
        }
        offered = ada->get(path);
        return offered.status == 200 && offered.body.at("model") == "ease" &&
               !offered.body.at("items").as_array().empty() &&
               offered.body.at("items").at(0).at("product_id").as_string() == bag;
      },
      60s))
      << boost::json::serialize(offered.body) << shop_->log("recommendations");

  // Customers also bought, through the gateway, for anyone.
  ApiClient visitor(shop_->url());
  const auto similar =
      visitor.get("/api/recommendations/v1/recommendations/products/" + tent + "/similar?limit=1");
  ASSERT_EQ(similar.status, 200) << boost::json::serialize(similar.body);
  EXPECT_EQ(similar.body.at("items").at(0).at("product_id").as_string(), bag);
  // A shopper's own list is not for anyone.
  platform::testing::expect_problem(visitor.get(path), 401, "unauthenticated");
}

}  // namespace
