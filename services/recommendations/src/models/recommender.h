#pragma once

#include <Eigen/Core>
#include <string>

#include "domain/interaction_matrix.h"

namespace recommendations {

// A trained model. It scores every item for someone with a given history,
// known at training or not (a model that learned per-user state folds a
// new history in), so serving and evaluation ask it the same question.
class Recommender {
 public:
  virtual ~Recommender() = default;
  // What answers say produced them: "ease", "item-knn", "als", "popular".
  virtual std::string name() const = 0;
  // A score per item, higher for a better recommendation; only the order
  // counts. -infinity for an item the model cannot rank.
  virtual Eigen::VectorXf scores(History history) const = 0;
};

}  // namespace recommendations
