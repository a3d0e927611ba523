#include "domain/ranking.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace recommendations {

std::vector<ScoredItem> top_items(const Eigen::VectorXf& scores, std::size_t k,
                                  std::span<const int> excluded) {
  const std::unordered_set<int> left_out(excluded.begin(), excluded.end());
  std::vector<ScoredItem> candidates;
  candidates.reserve(static_cast<std::size_t>(scores.size()));
  for (int item = 0; item < scores.size(); ++item) {
    const float score = scores[item];
    if (std::isinf(score) && score < 0) continue;
    if (std::isnan(score) || left_out.contains(item)) continue;
    candidates.push_back({item, score});
  }
  const auto better = [](const ScoredItem& a, const ScoredItem& b) {
    return a.score != b.score ? a.score > b.score : a.item < b.item;
  };
  const auto kept = std::min(k, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kept),
                    candidates.end(), better);
  candidates.resize(kept);
  return candidates;
}

std::vector<int> items_of(std::span<const ScoredItem> ranked) {
  std::vector<int> items;
  items.reserve(ranked.size());
  for (const auto& entry : ranked) items.push_back(entry.item);
  return items;
}

}  // namespace recommendations
