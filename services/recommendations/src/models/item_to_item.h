#pragma once

#include <Eigen/Core>
#include <vector>

#include "domain/ranking.h"
#include "models/recommender.h"

namespace recommendations {

// A model made of item-to-item weights (EASE's B, item-kNN's similarities)
// over the items it learned about: someone's score for item j is the sum
// over their history of weight(i) x W(i, j). The same rows answer
// "customers also bought" for an item.
//
// The weights are kept dense: EASE's many small weights, negative ones
// included, add up over a history, and dropping all but each item's
// strongest costs a tenth of its accuracy (services/recommendations/
// README.md). Memory is 4 x learned items squared bytes: 100 MB at 5000.
class ItemToItem final : public Recommender {
 public:
  // `items` names the matrix's rows and columns among `all_items`;
  // `weights` is items x items.
  ItemToItem(std::string name, int all_items, std::vector<int> items, Eigen::MatrixXf weights);

  std::string name() const override { return name_; }
  // -infinity for the items the model did not learn about.
  Eigen::VectorXf scores(History history) const override;
  // The item's strongest positive neighbours, best first.
  std::vector<ScoredItem> similar(int item, std::size_t k) const;

 private:
  std::string name_;
  std::vector<int> items_;    // learned index -> item
  std::vector<int> learned_;  // item -> learned index, or -1
  // Transposed, so that the weights from one item are a contiguous column.
  Eigen::MatrixXf weights_from_;
};

}  // namespace recommendations
