#include "domain/interaction_matrix.h"

#include <stdexcept>

namespace recommendations {

InteractionMatrix::InteractionMatrix(int users, int items,
                                     std::span<const Interaction> interactions)
    : rows_(users, items) {
  std::vector<Eigen::Triplet<float, int>> triplets;
  triplets.reserve(interactions.size());
  for (const auto& interaction : interactions) {
    if (interaction.user < 0 || interaction.user >= users || interaction.item < 0 ||
        interaction.item >= items) {
      throw std::out_of_range("interaction outside the matrix");
    }
    triplets.emplace_back(interaction.user, interaction.item, interaction.weight);
  }
  rows_.setFromTriplets(triplets.begin(), triplets.end());
  rows_.makeCompressed();
}

std::vector<ItemWeight> InteractionMatrix::history(int user) const {
  std::vector<ItemWeight> items;
  for (Rows::InnerIterator entry(rows_, user); entry; ++entry) {
    items.push_back({static_cast<int>(entry.col()), entry.value()});
  }
  return items;
}

std::vector<int> InteractionMatrix::users_per_item() const {
  std::vector<int> counts(static_cast<std::size_t>(items()), 0);
  for (int user = 0; user < users(); ++user) {
    for (Rows::InnerIterator entry(rows_, user); entry; ++entry) ++counts[entry.col()];
  }
  return counts;
}

}  // namespace recommendations
