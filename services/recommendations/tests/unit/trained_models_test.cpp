#include "serving/trained_models.h"

#include <gtest/gtest.h>

#include "domain/ranking.h"

namespace recommendations {
namespace {

using namespace std::chrono_literals;

const platform::SystemTime kNow = platform::SystemTime(std::chrono::hours(24 * 20000));

// Twenty customers buy lamps with shades, twenty kettles with mugs; ada
// bought a lamp and looked at a kettle long ago.
std::vector<LoggedInteraction> shop_log() {
  std::vector<LoggedInteraction> log;
  for (int customer = 0; customer < 20; ++customer) {
    const auto name = "lamp-buyer-" + std::to_string(customer);
    log.push_back({name, "lamp", Signal::purchase, kNow - 24h});
    log.push_back({name, "shade", Signal::purchase, kNow - 24h});
  }
  for (int customer = 0; customer < 20; ++customer) {
    const auto name = "kettle-buyer-" + std::to_string(customer);
    log.push_back({name, "kettle", Signal::purchase, kNow - 24h});
    log.push_back({name, "mug", Signal::cart_addition, kNow - 24h});
  }
  log.push_back({"ada", "kettle", Signal::view, kNow - 24h * 400});
  log.push_back({"ada", "lamp", Signal::purchase, kNow - 1h});
  return log;
}

TEST(TrainModels, KnowsWhoAndWhatAndWhatWasBought) {
  const auto models = train_models(shop_log(), {}, kNow);
  EXPECT_EQ(models->interactions(), shop_log().size());
  EXPECT_EQ(models->products(), 4u);
  EXPECT_EQ(models->customers(), 41u);
  const auto ada = models->customer("ada");
  ASSERT_TRUE(ada);
  ASSERT_TRUE(models->product("lamp"));
  EXPECT_EQ(models->purchased(*ada), (std::vector<int>{*models->product("lamp")}));
  EXPECT_EQ(models->product_id(*models->product("mug")), "mug");
  EXPECT_FALSE(models->customer("nobody"));
  EXPECT_FALSE(models->product("sofa"));
  EXPECT_EQ(models->trained_at(), kNow);
}

TEST(TrainModels, EaseOffersWhatGoesWithWhatWasBought) {
  const auto models = train_models(shop_log(), {}, kNow);
  const auto ada = *models->customer("ada");
  const auto history = models->history(ada);
  const auto top = top_items(models->ease().scores(history), 1, models->purchased(ada));
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(models->product_id(top[0].item), "shade");
  const auto similar = models->ease().similar(*models->product("kettle"), 1);
  ASSERT_EQ(similar.size(), 1u);
  EXPECT_EQ(models->product_id(similar[0].item), "mug");
}

TEST(TrainModels, PopularityWeighsSignalsAndTime) {
  const auto models = train_models(shop_log(), {}, kNow);
  const auto scores = models->popular().scores({});
  // 21 purchases of lamps against 20 of kettles (ada's faded view adds
  // little) and 20 half-weight cart additions of mugs.
  EXPECT_GT(scores[*models->product("lamp")], scores[*models->product("kettle")]);
  EXPECT_GT(scores[*models->product("kettle")], scores[*models->product("mug")]);
}

TEST(TrainModels, AnEmptyLogTrainsEmptyModels) {
  const auto models = train_models({}, {}, kNow);
  EXPECT_EQ(models->products(), 0u);
  EXPECT_EQ(models->popular().scores({}).size(), 0);
}

}  // namespace
}  // namespace recommendations
