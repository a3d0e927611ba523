#pragma once

#include <Eigen/Core>
#include <span>
#include <vector>

namespace recommendations {

struct ScoredItem {
  int item = 0;
  float score = 0;
};

// The k best-scored items, best first, leaving out `excluded` and items
// scored -infinity (what a model cannot rank). Ties go to the lower index,
// so a ranking is the same on every run.
std::vector<ScoredItem> top_items(const Eigen::VectorXf& scores, std::size_t k,
                                  std::span<const int> excluded = {});

// The items of a ranking, in its order.
std::vector<int> items_of(std::span<const ScoredItem> ranked);

}  // namespace recommendations
