#pragma once

#include <vector>

#include "models/recommender.h"

namespace recommendations {

// The same list for everyone: items by the sum of their interactions'
// weights (how many users had them, when every weight is 1; what is
// popular lately, when weights fade with time). The baseline every learned
// model must beat, and the cold-start answer for someone with no history.
class MostPopular final : public Recommender {
 public:
  explicit MostPopular(const InteractionMatrix& interactions);

  std::string name() const override { return "popular"; }
  Eigen::VectorXf scores(History history) const override;

 private:
  Eigen::VectorXf popularity_;
};

}  // namespace recommendations
