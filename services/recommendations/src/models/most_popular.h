#pragma once

#include <vector>

#include "models/recommender.h"

namespace recommendations {

// The same list for everyone: items by how many users interacted with
// them. The baseline every learned model must beat, and the cold-start
// answer for someone with no history.
class MostPopular final : public Recommender {
 public:
  explicit MostPopular(const InteractionMatrix& interactions);

  std::string name() const override { return "popular"; }
  Eigen::VectorXf scores(History history) const override;

 private:
  Eigen::VectorXf popularity_;
};

}  // namespace recommendations
