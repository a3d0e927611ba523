#include "evaluation/split.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

namespace recommendations::evaluation {
namespace {

constexpr float kMostStars = 5;

// Each user's ratings, users in order of first appearance.
std::vector<std::vector<Rating>> by_user(const std::vector<Rating>& ratings) {
  std::unordered_map<std::int64_t, std::size_t> users;
  std::vector<std::vector<Rating>> grouped;
  for (const auto& rating : ratings) {
    const auto user = users.try_emplace(rating.user, users.size()).first->second;
    if (user == grouped.size()) grouped.emplace_back();
    grouped[user].push_back(rating);
  }
  return grouped;
}

template <typename Order>
Partition partition(const std::vector<Rating>& ratings, double fraction, Order order) {
  Partition result;
  for (auto& rated : by_user(ratings)) {
    order(rated);
    const auto training =
        static_cast<std::size_t>(std::lround(fraction * static_cast<double>(rated.size())));
    for (std::size_t position = 0; position < rated.size(); ++position) {
      (position < training ? result.training : result.held_out).push_back(rated[position]);
    }
  }
  return result;
}

}  // namespace

Partition partition_randomly(const std::vector<Rating>& ratings, double fraction,
                             std::uint64_t seed) {
  std::mt19937_64 generator(seed);
  return partition(ratings, fraction, [&](std::vector<Rating>& rated) {
    // Fisher-Yates with our own draws: std::shuffle's sequence differs
    // between standard libraries, and the split must not.
    for (std::size_t last = rated.size(); last > 1; --last) {
      const auto pick = static_cast<std::size_t>(generator() % last);
      std::swap(rated[last - 1], rated[pick]);
    }
  });
}

Partition partition_by_time(const std::vector<Rating>& ratings, double fraction) {
  return partition(ratings, fraction, [](std::vector<Rating>& rated) {
    std::stable_sort(rated.begin(), rated.end(), [](const Rating& a, const Rating& b) {
      return a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.item < b.item;
    });
  });
}

Split index(const Partition& partition, TrainingWeight weighting) {
  Split split;
  std::unordered_map<std::int64_t, int> users;
  std::unordered_map<std::int64_t, int> items;
  const auto indices = [&](const Rating& rating) {
    const int user = users.try_emplace(rating.user, static_cast<int>(users.size())).first->second;
    const int item = items.try_emplace(rating.item, static_cast<int>(items.size())).first->second;
    if (static_cast<std::size_t>(user) == split.held_out.size()) split.held_out.emplace_back();
    return std::pair{user, item};
  };
  for (const auto& rating : partition.training) {
    const auto [user, item] = indices(rating);
    split.training.push_back(
        {user, item, weighting == TrainingWeight::stars ? rating.value / kMostStars : 1});
  }
  for (const auto& rating : partition.held_out) {
    const auto [user, item] = indices(rating);
    split.held_out[static_cast<std::size_t>(user)].push_back(item);
  }
  for (auto& held_out : split.held_out) std::sort(held_out.begin(), held_out.end());
  split.users = static_cast<int>(users.size());
  split.items = static_cast<int>(items.size());
  return split;
}

}  // namespace recommendations::evaluation
