#include "models/item_knn.h"

#include <algorithm>
#include <numeric>

#include "models/item_gram.h"

namespace recommendations {
namespace {

// Zeroes all but each column's `kept` largest entries.
void keep_strongest(Eigen::MatrixXf& similarity, int kept) {
  const auto size = similarity.rows();
  const auto keep = std::clamp<Eigen::Index>(kept, 0, size);
  std::vector<Eigen::Index> order(static_cast<std::size_t>(size));
  for (Eigen::Index column = 0; column < similarity.cols(); ++column) {
    auto values = similarity.col(column);
    std::iota(order.begin(), order.end(), 0);
    std::nth_element(order.begin(), order.begin() + keep, order.end(),
                     [&](Eigen::Index a, Eigen::Index b) { return values[a] > values[b]; });
    for (auto rank = keep; rank < size; ++rank) values[order[static_cast<std::size_t>(rank)]] = 0;
  }
}

}  // namespace

ItemToItem train_item_knn(const InteractionMatrix& interactions, const ItemKnnOptions& options) {
  auto gram = item_gram(interactions, options.minimum_users);
  auto& similarity = gram.gram;
  const Eigen::VectorXf norms = similarity.diagonal().cwiseSqrt();
  for (Eigen::Index column = 0; column < similarity.cols(); ++column) {
    for (Eigen::Index row = 0; row < similarity.rows(); ++row) {
      similarity(row, column) /= norms[row] * norms[column] + options.shrinkage;
    }
  }
  similarity.diagonal().setZero();
  // Symmetric, so a column is a row: the neighbours of one item.
  keep_strongest(similarity, options.neighbours);
  similarity.transposeInPlace();
  return ItemToItem("item-knn", interactions.items(), std::move(gram.items), std::move(similarity));
}

}  // namespace recommendations
