#include "models/ease.h"

#include <Eigen/Cholesky>

#include "models/item_gram.h"

namespace recommendations {

ItemToItem train_ease(const InteractionMatrix& interactions, const EaseOptions& options) {
  auto gram = item_gram(interactions, options.minimum_users);
  auto& matrix = gram.gram;
  const auto size = matrix.rows();
  matrix.diagonal().array() += options.l2;
  // Factored in place and inverted into a second matrix: two dense
  // matrices at the peak rather than four.
  Eigen::LLT<Eigen::Ref<Eigen::MatrixXf>> factors(matrix);
  Eigen::MatrixXf weights = Eigen::MatrixXf::Identity(size, size);
  factors.solveInPlace(weights);
  matrix.resize(0, 0);
  for (Eigen::Index column = 0; column < size; ++column) {
    const float diagonal = weights(column, column);
    weights.col(column) /= -diagonal;
    weights(column, column) = 0;
  }
  return ItemToItem("ease", interactions.items(), std::move(gram.items), std::move(weights));
}

}  // namespace recommendations
