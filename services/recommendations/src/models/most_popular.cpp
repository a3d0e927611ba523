#include "models/most_popular.h"

namespace recommendations {

MostPopular::MostPopular(const InteractionMatrix& interactions)
    : popularity_(
          (Eigen::RowVectorXf::Ones(interactions.users()) * interactions.rows()).transpose()) {}

Eigen::VectorXf MostPopular::scores(History /*history*/) const { return popularity_; }

}  // namespace recommendations
