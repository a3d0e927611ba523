#pragma once

#include <Eigen/Core>
#include <vector>

#include "domain/interaction_matrix.h"

namespace recommendations {

// X'X over the items at least `minimum_users` users interacted with
// (`items` names them, in the matrix's order): what EASE and item-kNN both
// start from. The others are left out so the dense matrix stays as small as
// it can: an item seen by one user teaches nothing about any other.
struct ItemGram {
  std::vector<int> items;
  Eigen::MatrixXf gram;
};

ItemGram item_gram(const InteractionMatrix& interactions, int minimum_users);

}  // namespace recommendations
