#include "domain/interaction_log.h"

#include <gtest/gtest.h>

namespace recommendations {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

const Clock::time_point kNow = Clock::time_point(std::chrono::hours(24 * 20000));

TEST(WeightOf, EachSignalCountsItsOwnAndFadesByHalfLives) {
  const InteractionWeights weights{.half_life = 240h};
  EXPECT_FLOAT_EQ(weight_of(Signal::purchase, 0h, weights), 1);
  EXPECT_FLOAT_EQ(weight_of(Signal::cart_addition, 0h, weights), 0.5F);
  EXPECT_FLOAT_EQ(weight_of(Signal::view, 0h, weights), 0.2F);
  EXPECT_FLOAT_EQ(weight_of(Signal::purchase, 240h, weights), 0.5F);
  EXPECT_FLOAT_EQ(weight_of(Signal::view, 480h, weights), 0.05F);
  // Another service's clock a little ahead is not a bonus.
  EXPECT_FLOAT_EQ(weight_of(Signal::purchase, -5min, weights), 1);
}

TEST(TrainingSetOfALog, NumbersCustomersAndProductsAndSumsTheirSignalsUpToTheMost) {
  const InteractionWeights weights{.half_life = 240h};
  const std::vector<LoggedInteraction> log{
      {"ada", "lamp", Signal::view, kNow},
      {"ada", "lamp", Signal::view, kNow - 240h},
      {"bob", "kettle", Signal::cart_addition, kNow},
      {"ada", "kettle", Signal::purchase, kNow},
      {"ada", "kettle", Signal::view, kNow},
  };
  const auto set = training_set(log, weights, kNow);
  EXPECT_EQ(set.customers, (std::vector<std::string>{"ada", "bob"}));
  EXPECT_EQ(set.products, (std::vector<std::string>{"lamp", "kettle"}));
  const auto ada = set.interactions.history(0);
  ASSERT_EQ(ada.size(), 2u);
  EXPECT_FLOAT_EQ(ada[0].weight, 0.2F + 0.1F) << "a view today and a faded one";
  EXPECT_FLOAT_EQ(ada[1].weight, 1) << "a purchase and a view, capped at a purchase";
  const auto bob = set.interactions.history(1);
  ASSERT_EQ(bob.size(), 1u);
  EXPECT_EQ(bob[0].item, 1);
  EXPECT_FLOAT_EQ(bob[0].weight, 0.5F);
}

TEST(TrainingSetOfALog, AnEmptyLogIsAnEmptySet) {
  const auto set = training_set({}, {}, kNow);
  EXPECT_EQ(set.interactions.users(), 0);
  EXPECT_EQ(set.interactions.items(), 0);
}

}  // namespace
}  // namespace recommendations
