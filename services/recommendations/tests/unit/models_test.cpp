// Every model on a shop small enough to reason about: two groups of
// customers with tastes of their own, and one item everyone buys.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "domain/ranking.h"
#include "models/ease.h"
#include "models/implicit_als.h"
#include "models/item_knn.h"
#include "models/most_popular.h"

namespace recommendations {
namespace {

constexpr int kUsers = 40;
constexpr int kItems = 11;
constexpr int kEveryonesItem = 10;
constexpr int kLoner = 9;  // bought by one user only

// Users 0-19 buy from items 0-3, users 20-39 from items 4-7, each leaving
// one of the four out in turn; everyone buys item 10; user 0 alone buys 9.
InteractionMatrix two_tastes() {
  std::vector<Interaction> interactions;
  for (int user = 0; user < kUsers; ++user) {
    const int first = user < 20 ? 0 : 4;
    for (int offset = 0; offset < 4; ++offset) {
      if (offset != user % 4) interactions.push_back({user, first + offset, 1});
    }
    interactions.push_back({user, kEveryonesItem, 1});
  }
  interactions.push_back({0, kLoner, 1});
  return InteractionMatrix(kUsers, kItems, interactions);
}

std::vector<int> recommended(const Recommender& model, const std::vector<ItemWeight>& history,
                             std::size_t k) {
  std::vector<int> seen;
  for (const auto& entry : history) seen.push_back(entry.item);
  return items_of(top_items(model.scores(history), k, seen));
}

// Someone who bought two of the first group's items should be offered
// the first group's other two before anything of the second group.
void expect_the_first_groups_taste(const Recommender& model) {
  const std::vector<ItemWeight> history{{0, 1}, {1, 1}, {kEveryonesItem, 1}};
  auto top = recommended(model, history, 2);
  std::sort(top.begin(), top.end());
  EXPECT_EQ(top, (std::vector<int>{2, 3})) << model.name();
}

TEST(Models, EaseLearnsTheGroupsTaste) {
  const auto model = train_ease(two_tastes(), {.l2 = 1, .minimum_users = 2});
  EXPECT_EQ(model.name(), "ease");
  expect_the_first_groups_taste(model);
}

TEST(Models, ItemKnnLearnsTheGroupsTaste) {
  const auto model = train_item_knn(two_tastes(), {.shrinkage = 1, .minimum_users = 2});
  EXPECT_EQ(model.name(), "item-knn");
  expect_the_first_groups_taste(model);
}

TEST(Models, ImplicitAlsLearnsTheGroupsTasteAndFoldsInAStranger) {
  // Whatever the random start.
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const auto model = train_implicit_als(
        two_tastes(), {.factors = 8, .iterations = 15, .l2 = 1, .alpha = 10, .seed = seed});
    EXPECT_EQ(model.name(), "als");
    expect_the_first_groups_taste(model);
    // A history the model never trained on still gets factors of its own:
    // the second group's items rank above every one of the first group's.
    const std::vector<ItemWeight> stranger{{5, 1}};
    const auto scores = model.scores(stranger);
    const float best_of_the_first = scores.head(4).maxCoeff();
    for (const int item : {4, 6, 7}) {
      EXPECT_GT(scores[item], best_of_the_first) << "seed " << seed << ", item " << item;
    }
  }
}

TEST(Models, AnItemTooFewUsersHadIsNotLearnedAbout) {
  const auto model = train_ease(two_tastes(), {.l2 = 1, .minimum_users = 2});
  const std::vector<ItemWeight> history{{0, 1}};
  EXPECT_TRUE(std::isinf(model.scores(history)[kLoner]));
  EXPECT_TRUE(model.similar(kLoner, 3).empty());
}

TEST(Models, SimilarItemsComeFromTheSameGroup) {
  for (const auto& model : {train_ease(two_tastes(), {.l2 = 1, .minimum_users = 2}),
                            train_item_knn(two_tastes(), {.shrinkage = 1, .minimum_users = 2})}) {
    const auto similar = model.similar(5, 3);
    ASSERT_FALSE(similar.empty()) << model.name();
    for (const auto& entry : similar) {
      EXPECT_NE(entry.item, 5) << model.name();
      // What everyone buys goes with anything; the other group's never.
      EXPECT_TRUE((entry.item >= 4 && entry.item <= 7) || entry.item == kEveryonesItem)
          << model.name() << " " << entry.item;
      EXPECT_GT(entry.score, 0);
    }
    EXPECT_TRUE(model.similar(-1, 3).empty());
    EXPECT_TRUE(model.similar(kItems, 3).empty());
  }
}

TEST(Models, MostPopularIsTheSameForEveryone) {
  const MostPopular model(two_tastes());
  EXPECT_EQ(model.name(), "popular");
  EXPECT_EQ(recommended(model, {}, 1), (std::vector<int>{kEveryonesItem}));
  const std::vector<ItemWeight> history{{kEveryonesItem, 1}};
  EXPECT_EQ(model.scores(history), model.scores({}));
}

TEST(Models, HistoriesNamingUnknownItemsAreIgnored) {
  const auto model = train_ease(two_tastes(), {.l2 = 1, .minimum_users = 2});
  const std::vector<ItemWeight> history{{-3, 1}, {kItems + 5, 1}, {0, 1}, {1, 1}};
  const std::vector<ItemWeight> known{{0, 1}, {1, 1}};
  EXPECT_EQ(model.scores(history), model.scores(known));
}

}  // namespace
}  // namespace recommendations
