#include "evaluation/metrics.h"

#include <algorithm>
#include <cmath>

namespace recommendations::evaluation {

Accuracy accuracy_at(std::span<const int> ranked, std::span<const int> relevant, std::size_t k) {
  Accuracy accuracy;
  if (relevant.empty() || k == 0) return accuracy;
  double hits = 0;
  double discounted_gain = 0;
  double precision_sum = 0;
  const auto considered = std::min(k, ranked.size());
  for (std::size_t rank = 1; rank <= considered; ++rank) {
    if (!std::binary_search(relevant.begin(), relevant.end(), ranked[rank - 1])) continue;
    hits += 1;
    discounted_gain += 1 / std::log2(static_cast<double>(rank) + 1);
    precision_sum += hits / static_cast<double>(rank);
  }
  const auto ideal_hits = std::min(k, relevant.size());
  double ideal_gain = 0;
  for (std::size_t rank = 1; rank <= ideal_hits; ++rank) {
    ideal_gain += 1 / std::log2(static_cast<double>(rank) + 1);
  }
  accuracy.precision = hits / static_cast<double>(k);
  accuracy.recall = hits / static_cast<double>(relevant.size());
  accuracy.ndcg = discounted_gain / ideal_gain;
  accuracy.average_precision = precision_sum / static_cast<double>(ideal_hits);
  return accuracy;
}

}  // namespace recommendations::evaluation
