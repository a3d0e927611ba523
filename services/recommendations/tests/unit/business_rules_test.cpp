#include "domain/business_rules.h"

#include <gtest/gtest.h>

namespace recommendations {
namespace {

// The facts of items 0 to size - 1; none for the others.
FactsOf facts_in(const std::vector<ProductFacts>& facts) {
  return [&facts](int item) -> const ProductFacts* {
    return item >= 0 && static_cast<std::size_t>(item) < facts.size()
               ? &facts[static_cast<std::size_t>(item)]
               : nullptr;
  };
}

std::vector<ScoredItem> ranking(int items) {
  std::vector<ScoredItem> ranked;
  for (int item = 0; item < items; ++item) ranked.push_back({item, static_cast<float>(-item)});
  return ranked;
}

TEST(ApplyRules, LeavesOutTheBoughtTheUnavailableAndTheUnknown) {
  const std::vector<ProductFacts> facts{
      {"lamps", true}, {"lamps", false}, {"kettles", true}, {"chairs", true}};
  const std::vector<int> bought{2};
  // Item 4 is past the facts: a product the shop does not know any more.
  EXPECT_EQ(items_of(apply_rules(ranking(5), facts_in(facts), bought, {.count = 10})),
            (std::vector<int>{0, 3}));
}

TEST(ApplyRules, SpreadsCategoriesAndFillsWithTheWaitingOnlyWhenShort) {
  const std::vector<ProductFacts> facts{{"lamps", true},   {"lamps", true}, {"lamps", true},
                                        {"kettles", true}, {"lamps", true}, {"chairs", true},
                                        {"lamps", true}};
  EXPECT_EQ(items_of(apply_rules(ranking(7), facts_in(facts), {}, {.count = 4, .per_category = 2})),
            (std::vector<int>{0, 1, 3, 5}));
  EXPECT_EQ(items_of(apply_rules(ranking(7), facts_in(facts), {}, {.count = 6, .per_category = 2})),
            (std::vector<int>{0, 1, 3, 5, 2, 4}));
}

TEST(ApplyRules, StopsAtTheCount) {
  const std::vector<ProductFacts> facts(20, ProductFacts{"lamps", true});
  EXPECT_EQ(apply_rules(ranking(20), facts_in(facts), {}, {.count = 3, .per_category = 10}).size(),
            3u);
  EXPECT_TRUE(apply_rules(ranking(20), facts_in(facts), {}, {.count = 0}).empty());
}

}  // namespace
}  // namespace recommendations
