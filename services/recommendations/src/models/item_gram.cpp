#include "models/item_gram.h"

#include <algorithm>

namespace recommendations {

ItemGram item_gram(const InteractionMatrix& interactions, int minimum_users) {
  ItemGram result;
  const auto counts = interactions.users_per_item();
  std::vector<int> compact(counts.size(), -1);
  for (std::size_t item = 0; item < counts.size(); ++item) {
    if (counts[item] < std::max(minimum_users, 1)) continue;
    compact[item] = static_cast<int>(result.items.size());
    result.items.push_back(static_cast<int>(item));
  }
  const auto size = static_cast<Eigen::Index>(result.items.size());
  result.gram = Eigen::MatrixXf::Zero(size, size);
  std::vector<ItemWeight> row;
  for (int user = 0; user < interactions.users(); ++user) {
    row = interactions.history(user);
    std::erase_if(row, [&](const ItemWeight& entry) {
      return compact[static_cast<std::size_t>(entry.item)] < 0;
    });
    for (const auto& first : row) {
      const int i = compact[static_cast<std::size_t>(first.item)];
      for (const auto& second : row) {
        result.gram(compact[static_cast<std::size_t>(second.item)], i) +=
            first.weight * second.weight;
      }
    }
  }
  return result;
}

}  // namespace recommendations
