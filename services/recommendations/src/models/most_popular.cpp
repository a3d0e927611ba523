#include "models/most_popular.h"

namespace recommendations {

MostPopular::MostPopular(const InteractionMatrix& interactions)
    : popularity_(interactions.items()) {
  const auto counts = interactions.users_per_item();
  for (int item = 0; item < interactions.items(); ++item) {
    popularity_[item] = static_cast<float>(counts[static_cast<std::size_t>(item)]);
  }
}

Eigen::VectorXf MostPopular::scores(History /*history*/) const { return popularity_; }

}  // namespace recommendations
