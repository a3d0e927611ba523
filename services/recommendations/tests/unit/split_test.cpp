#include "evaluation/split.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace recommendations::evaluation {
namespace {

// User u rated items 0..(4u + 3) at times 100 * item.
std::vector<Rating> ratings() {
  std::vector<Rating> all;
  for (std::int64_t user = 1; user <= 5; ++user) {
    for (std::int64_t item = 0; item < 4 * user + 4; ++item) {
      all.push_back({user, item, static_cast<float>(1 + item % 5), 100 * item});
    }
  }
  return all;
}

std::map<std::int64_t, std::size_t> per_user(const std::vector<Rating>& ratings) {
  std::map<std::int64_t, std::size_t> counts;
  for (const auto& rating : ratings) ++counts[rating.user];
  return counts;
}

TEST(PartitionRandomly, KeepsThreeQuartersOfEveryUserForTraining) {
  const auto partition = partition_randomly(ratings(), 0.75, 42);
  const auto training = per_user(partition.training);
  const auto held_out = per_user(partition.held_out);
  for (std::int64_t user = 1; user <= 5; ++user) {
    const auto rated = static_cast<std::size_t>(4 * user + 4);
    EXPECT_EQ(training.at(user), rated * 3 / 4) << user;
    EXPECT_EQ(held_out.at(user), rated - rated * 3 / 4) << user;
  }
}

TEST(PartitionRandomly, TheSameSeedGivesTheSameSplitAndAnotherSeedAnother) {
  const auto items = [](const Partition& partition) {
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    for (const auto& rating : partition.held_out) pairs.emplace_back(rating.user, rating.item);
    return pairs;
  };
  EXPECT_EQ(items(partition_randomly(ratings(), 0.75, 42)),
            items(partition_randomly(ratings(), 0.75, 42)));
  EXPECT_NE(items(partition_randomly(ratings(), 0.75, 42)),
            items(partition_randomly(ratings(), 0.75, 43)));
}

TEST(PartitionByTime, HoldsOutEachUsersLatest) {
  auto shuffled = ratings();
  std::reverse(shuffled.begin(), shuffled.end());
  const auto partition = partition_by_time(shuffled, 0.75);
  std::map<std::int64_t, std::int64_t> latest_trained;
  for (const auto& rating : partition.training) {
    latest_trained[rating.user] = std::max(latest_trained[rating.user], rating.timestamp);
  }
  for (const auto& rating : partition.held_out) {
    EXPECT_GT(rating.timestamp, latest_trained.at(rating.user)) << rating.user;
  }
  EXPECT_EQ(partition.held_out.size(), 2u + 3 + 4 + 5 + 6);
}

TEST(Index, NumbersUsersAndItemsOverBothHalvesAndWeighsByChoice) {
  Partition partition;
  partition.training = {{10, 500, 5, 0}, {11, 600, 1, 0}};
  partition.held_out = {{10, 700, 2, 0}, {12, 500, 4, 0}};
  const auto binary = index(partition, TrainingWeight::binary);
  EXPECT_EQ(binary.users, 3);
  EXPECT_EQ(binary.items, 3);
  ASSERT_EQ(binary.training.size(), 2u);
  EXPECT_EQ(binary.training[1].user, 1);
  EXPECT_EQ(binary.training[1].item, 1);
  EXPECT_EQ(binary.training[1].weight, 1);
  EXPECT_EQ(binary.held_out[0], (std::vector<int>{2}));
  EXPECT_EQ(binary.held_out[2], (std::vector<int>{0}));
  const auto stars = index(partition, TrainingWeight::stars);
  EXPECT_FLOAT_EQ(stars.training[0].weight, 1);
  EXPECT_FLOAT_EQ(stars.training[1].weight, 0.2F);
}

}  // namespace
}  // namespace recommendations::evaluation
