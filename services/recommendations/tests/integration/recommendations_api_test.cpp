// The service over real HTTP on both deployments: what customers do,
// published as the other services publish it, changes what the API
// offers, under the shop's rules; every bad request gets its problem.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "events/interaction_events.h"
#include "platform/bus/event.h"
#include "platform/http/server.h"
#include "platform/ids.h"
#include "platform/testing/api_client.h"
#include "platform/testing/openapi.h"
#include "platform/testing/tokens.h"
#include "recommendations_fixture.h"
#include "recommendations_service.h"
#include "store/product_facts_store.h"

namespace recommendations {
namespace {

using platform::testing::eventually;
using platform::testing::expect_problem;
using platform::testing::Reply;

class RecommendationsApi : public testing::RecommendationsTest,
                           protected platform::testing::ApiCalls {
 protected:
  void SetUp() override {
    RecommendationsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    RecommendationsOptions options;
    options.consumers = consumers();
    service_ = std::make_unique<RecommendationsService>(database_->database(), *bus_, registry_,
                                                        issuer_.verifier(), std::move(options));
    platform::http::ServerOptions server_options;
    server_options.service = "recommendations-test";
    server_options.access_log = false;
    server_ =
        std::make_unique<platform::http::Server>(server_options, service_->routes(), registry_);
    server_->start();
    api_.set_base_url("http://127.0.0.1:" + std::to_string(server_->port()));
    ASSERT_TRUE(eventually([&] { return get("/readyz").status == 200; }));
  }

  void TearDown() override {
    if (server_) server_->stop(std::chrono::seconds(2));
    server_.reset();
    service_.reset();
    RecommendationsTest::TearDown();
  }

  void on_sale(const std::string& id, const std::string& category) {
    bus_->publish(upserted(id, category, "active", 1, true, 1));
  }

  // How many of these products the service has facts of.
  template <typename... Ids>
  std::size_t facts(const Ids&... ids) const {
    return ProductFactsStore(database_->database()).facts({ids...}).size();
  }
  bool available(const std::string& id) const {
    const auto facts = ProductFactsStore(database_->database()).facts({id});
    return facts.contains(id) && facts.at(id).available;
  }

  // The answer's products of this test's own: on NATS, products other
  // tests buy meanwhile reach this service too.
  std::vector<std::string> ours(const Reply& reply) const {
    auto ids = products_of(reply);
    std::erase_if(ids, [&](const std::string& id) { return !is_ours(id); });
    return ids;
  }

  // Trains as an admin and returns the answer.
  Reply train() {
    acting_as(issuer_.admin_token());
    auto reply = post("/v1/recommendations/training", boost::json::object{});
    acting_as("");
    return reply;
  }

  static std::vector<std::string> products_of(const Reply& reply) {
    std::vector<std::string> ids;
    for (const auto& item : reply.body.at("items").as_array()) {
      ids.emplace_back(item.at("product_id").as_string());
    }
    return ids;
  }

  platform::testing::TestIssuer issuer_;
  std::unique_ptr<RecommendationsService> service_;
  std::unique_ptr<platform::http::Server> server_;
};

TEST_P(RecommendationsApi, EveryRouteIsDocumentedWithItsAccess) {
  platform::testing::expect_router_matches_document(service_->routes(),
                                                    openapi_document().front().content);
  platform::testing::expect_operational_routes(url(""));
}

TEST_P(RecommendationsApi, PurchasesBySimilarCustomersChangeAnotherCustomersRecommendations) {
  const auto tent = product("tent");
  const auto bag = product("sleeping-bag");
  const auto stove = product("stove");
  const auto kettle = product("kettle");
  const auto mug = product("mug");
  for (const auto& [id, category] :
       {std::pair{tent, "outdoor/tents"}, std::pair{bag, "outdoor/sleeping"},
        std::pair{stove, "outdoor/cooking"}, std::pair{kettle, "kitchen/kettles"},
        std::pair{mug, "kitchen/mugs"}}) {
    on_sale(id, category);
  }
  const auto ada = platform::new_uuid_v7();
  bus_->publish(paid(ada, {tent}));
  for (int buyer = 0; buyer < 10; ++buyer)
    bus_->publish(paid(platform::new_uuid_v7(), {kettle, mug}));
  ASSERT_TRUE(
      eventually([&] { return logged() == 1 + 20 && facts(tent, bag, stove, kettle, mug) == 5; }));
  ASSERT_EQ(train().status, 200);

  acting_as(issuer_.user_token(ada));
  const auto before = get("/v1/recommendations/users/" + ada + "?limit=2");
  ASSERT_EQ(before.status, 200) << boost::json::serialize(before.body);
  const auto before_ids = products_of(before);
  EXPECT_TRUE(std::find(before_ids.begin(), before_ids.end(), bag) == before_ids.end());

  // Campers buy tents with sleeping bags and stoves.
  for (int buyer = 0; buyer < 6; ++buyer)
    bus_->publish(paid(platform::new_uuid_v7(), {tent, bag, stove}));
  ASSERT_TRUE(eventually([&] { return logged() == 1 + 20 + 18; }));
  const auto training = train();
  ASSERT_EQ(training.status, 200) << boost::json::serialize(training.body);
  const auto customers = training.body.at("customers").as_int64();
  EXPECT_TRUE(bus_is_shared() ? customers >= 17 : customers == 17) << customers;

  acting_as(issuer_.user_token(ada));
  const auto after = get("/v1/recommendations/users/" + ada + "?limit=2");
  ASSERT_EQ(after.status, 200) << boost::json::serialize(after.body);
  EXPECT_EQ(after.body.at("model"), "ease");
  auto after_ids = products_of(after);
  std::sort(after_ids.begin(), after_ids.end());
  auto campers = std::vector<std::string>{bag, stove};
  std::sort(campers.begin(), campers.end());
  EXPECT_EQ(after_ids, campers) << "what campers bought, not the kettles bought more often";
  EXPECT_EQ(after.body.at("items").at(0).at("model"), "ease");
  // The user model agrees, and says it is the one that answered.
  const auto als = get("/v1/recommendations/users/" + ada + "?limit=2&model=als");
  ASSERT_EQ(als.status, 200) << boost::json::serialize(als.body);
  EXPECT_EQ(als.body.at("model"), "als");
  auto als_ids = products_of(als);
  std::sort(als_ids.begin(), als_ids.end());
  EXPECT_EQ(als_ids, campers);
  EXPECT_FALSE(after.body.at("trained_at").is_null());

  // The stove sells out: it is not offered any more, without a training.
  bus_->publish(stock_changed(stove, false, 2));
  ASSERT_TRUE(eventually([&] { return !available(stove); }));
  const auto sold_out = get("/v1/recommendations/users/" + ada + "?limit=2");
  const auto sold_out_ids = products_of(sold_out);
  EXPECT_EQ(sold_out_ids.front(), bag);
  EXPECT_TRUE(std::find(sold_out_ids.begin(), sold_out_ids.end(), stove) == sold_out_ids.end());
  EXPECT_TRUE(std::find(sold_out_ids.begin(), sold_out_ids.end(), tent) == sold_out_ids.end())
      << "never what she bought";

  // She buys the bag: it leaves her list at once, before any training.
  bus_->publish(paid(ada, {bag}));
  ASSERT_TRUE(eventually([&] { return logged() == 1 + 20 + 18 + 1; }));
  const auto bought = products_of(get("/v1/recommendations/users/" + ada + "?limit=5"));
  EXPECT_TRUE(std::find(bought.begin(), bought.end(), bag) == bought.end());

  // Customers also bought, for anyone.
  acting_as("");
  const auto similar = get("/v1/recommendations/products/" + tent + "/similar?limit=1");
  ASSERT_EQ(similar.status, 200);
  EXPECT_EQ(similar.body.at("model"), "ease");
  EXPECT_EQ(products_of(similar), std::vector<std::string>{bag});
}

TEST_P(RecommendationsApi, WhatTheModelsNeverSawGetsPopularAndSaysSo) {
  const auto kettle = product("kettle");
  const auto mug = product("mug");
  on_sale(kettle, "kitchen/kettles");
  on_sale(mug, "kitchen/mugs");
  for (int buyer = 0; buyer < 3; ++buyer) bus_->publish(paid(platform::new_uuid_v7(), {kettle}));
  bus_->publish(paid(platform::new_uuid_v7(), {mug}));
  ASSERT_TRUE(eventually([&] { return logged() == 4 && facts(kettle, mug) == 2; }));
  ASSERT_EQ(train().status, 200);

  const auto stranger = platform::new_uuid_v7();
  acting_as(issuer_.user_token(stranger));
  const auto personal = get("/v1/recommendations/users/" + stranger + "?limit=50");
  ASSERT_EQ(personal.status, 200);
  EXPECT_EQ(personal.body.at("model"), "popular");
  EXPECT_EQ(ours(personal), (std::vector<std::string>{kettle, mug}));

  acting_as("");
  const auto popular = get("/v1/recommendations/popular?limit=50");
  ASSERT_EQ(popular.status, 200);
  EXPECT_EQ(popular.body.at("model"), "popular");
  EXPECT_EQ(ours(popular), (std::vector<std::string>{kettle, mug}));
  const auto unknown = get("/v1/recommendations/products/no-such-product/similar");
  ASSERT_EQ(unknown.status, 200);
  EXPECT_EQ(unknown.body.at("model"), "popular");
}

TEST_P(RecommendationsApi, BadRequestsGetProblemsNamingWhatIsWrong) {
  const auto ada = platform::new_uuid_v7();
  expect_problem(get("/v1/recommendations/users/" + ada), 401, "unauthenticated");
  acting_as(issuer_.user_token(ada));
  expect_problem(get("/v1/recommendations/users/" + platform::new_uuid_v7()), 403,
                 "not-your-recommendations");
  const auto bad_limit = get("/v1/recommendations/users/" + ada + "?limit=500");
  expect_problem(bad_limit, 400, "invalid-field");
  EXPECT_EQ(bad_limit.body.at("field"), "limit");
  expect_problem(get("/v1/recommendations/popular?limit=ten"), 400, "invalid-field");
  const auto bad_model = get("/v1/recommendations/users/" + ada + "?model=svd");
  expect_problem(bad_model, 400, "invalid-field");
  EXPECT_EQ(bad_model.body.at("field"), "model");
  const auto unknown = get("/v1/recommendations/popular?count=3");
  expect_problem(unknown, 400, "unknown-parameter");
  expect_problem(get("/v1/recommendations/products/" + std::string(65, 'x') + "/similar"), 400,
                 "invalid-field");
  expect_problem(post("/v1/recommendations/training", boost::json::object{}), 403, "forbidden");
  acting_as(issuer_.admin_token());
  EXPECT_EQ(get("/v1/recommendations/users/" + ada).status, 200) << "admins read anyone's";
}

INSTANTIATE_TEST_SUITE_P(Backends, RecommendationsApi,
                         ::testing::ValuesIn(platform::testing::database_backends()),
                         platform::testing::mode_name);

}  // namespace
}  // namespace recommendations
