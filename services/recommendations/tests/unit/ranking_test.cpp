#include "domain/ranking.h"

#include <gtest/gtest.h>

#include <limits>

namespace recommendations {
namespace {

TEST(TopItems, BestFirstWithTiesToTheLowerIndex) {
  Eigen::VectorXf scores(6);
  scores << 0.5F, 2, 0.5F, 3, -1, 2;
  EXPECT_EQ(items_of(top_items(scores, 4)), (std::vector<int>{3, 1, 5, 0}));
}

TEST(TopItems, LeavesOutTheExcludedAndWhatCannotBeRanked) {
  Eigen::VectorXf scores(5);
  scores << 4, -std::numeric_limits<float>::infinity(), 3, std::numeric_limits<float>::quiet_NaN(),
      1;
  const std::vector<int> excluded{0};
  EXPECT_EQ(items_of(top_items(scores, 10, excluded)), (std::vector<int>{2, 4}));
}

TEST(TopItems, NothingAskedNothingGiven) {
  Eigen::VectorXf scores = Eigen::VectorXf::Ones(3);
  EXPECT_TRUE(top_items(scores, 0).empty());
  EXPECT_TRUE(top_items(Eigen::VectorXf(), 5).empty());
}

}  // namespace
}  // namespace recommendations
