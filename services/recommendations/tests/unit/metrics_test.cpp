#include "evaluation/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace recommendations::evaluation {
namespace {

TEST(AccuracyAt, AllFourFiguresOfOneRankingWorkedByHand) {
  // Hits at ranks 1 and 3 of 4 among 3 relevant items, k = 4.
  const std::vector<int> ranked{7, 1, 9, 2};
  const std::vector<int> relevant{5, 7, 9};
  const auto accuracy = accuracy_at(ranked, relevant, 4);
  EXPECT_DOUBLE_EQ(accuracy.precision, 2.0 / 4);
  EXPECT_DOUBLE_EQ(accuracy.recall, 2.0 / 3);
  const double gain = 1 + 1 / std::log2(4.0);
  const double ideal = 1 + 1 / std::log2(3.0) + 1 / std::log2(4.0);
  EXPECT_DOUBLE_EQ(accuracy.ndcg, gain / ideal);
  EXPECT_DOUBLE_EQ(accuracy.average_precision, (1.0 / 1 + 2.0 / 3) / 3);
}

TEST(AccuracyAt, APerfectTopIsOneWhateverIsLeftOver) {
  // More relevant items than k: the ideal is capped at k.
  const std::vector<int> ranked{1, 2};
  const std::vector<int> relevant{1, 2, 3, 4, 5};
  const auto accuracy = accuracy_at(ranked, relevant, 2);
  EXPECT_DOUBLE_EQ(accuracy.precision, 1);
  EXPECT_DOUBLE_EQ(accuracy.ndcg, 1);
  EXPECT_DOUBLE_EQ(accuracy.average_precision, 1);
  EXPECT_DOUBLE_EQ(accuracy.recall, 2.0 / 5);
}

TEST(AccuracyAt, AShortRankingStillCountsAgainstK) {
  const std::vector<int> ranked{3};
  const std::vector<int> relevant{3};
  const auto accuracy = accuracy_at(ranked, relevant, 10);
  EXPECT_DOUBLE_EQ(accuracy.precision, 0.1);
  EXPECT_DOUBLE_EQ(accuracy.ndcg, 1);
}

TEST(AccuracyAt, ZeroWithoutHitsOrWithoutAnythingToFind) {
  const std::vector<int> ranked{1, 2};
  const std::vector<int> relevant{8};
  const auto missed = accuracy_at(ranked, relevant, 2);
  EXPECT_EQ(missed.precision, 0);
  EXPECT_EQ(missed.ndcg, 0);
  const auto nothing = accuracy_at(ranked, {}, 2);
  EXPECT_EQ(nothing.recall, 0);
  EXPECT_EQ(nothing.average_precision, 0);
}

}  // namespace
}  // namespace recommendations::evaluation
