#include "models/item_to_item.h"

#include <limits>

namespace recommendations {

ItemToItem::ItemToItem(std::string name, int all_items, std::vector<int> items,
                       Eigen::MatrixXf weights)
    : name_(std::move(name)),
      items_(std::move(items)),
      learned_(static_cast<std::size_t>(all_items), -1),
      weights_from_(weights.transpose()) {
  for (std::size_t index = 0; index < items_.size(); ++index) {
    learned_[static_cast<std::size_t>(items_[index])] = static_cast<int>(index);
  }
}

Eigen::VectorXf ItemToItem::scores(History history) const {
  Eigen::VectorXf learned_scores = Eigen::VectorXf::Zero(weights_from_.rows());
  for (const auto& [item, weight] : history) {
    if (item < 0 || static_cast<std::size_t>(item) >= learned_.size()) continue;
    const int from = learned_[static_cast<std::size_t>(item)];
    if (from >= 0) learned_scores += weight * weights_from_.col(from);
  }
  Eigen::VectorXf scores = Eigen::VectorXf::Constant(static_cast<Eigen::Index>(learned_.size()),
                                                     -std::numeric_limits<float>::infinity());
  for (std::size_t index = 0; index < items_.size(); ++index) {
    scores[items_[index]] = learned_scores[static_cast<Eigen::Index>(index)];
  }
  return scores;
}

std::vector<ScoredItem> ItemToItem::similar(int item, std::size_t k) const {
  if (item < 0 || static_cast<std::size_t>(item) >= learned_.size()) return {};
  const int from = learned_[static_cast<std::size_t>(item)];
  if (from < 0) return {};
  Eigen::VectorXf scores = Eigen::VectorXf::Constant(static_cast<Eigen::Index>(learned_.size()),
                                                     -std::numeric_limits<float>::infinity());
  for (std::size_t index = 0; index < items_.size(); ++index) {
    const float weight = weights_from_(static_cast<Eigen::Index>(index), from);
    if (weight > 0 && items_[index] != item) scores[items_[index]] = weight;
  }
  return top_items(scores, k);
}

}  // namespace recommendations
