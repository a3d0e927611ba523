#pragma once

#include "evaluation/metrics.h"
#include "evaluation/split.h"
#include "models/recommender.h"

namespace recommendations::evaluation {

// A model's accuracy averaged over the users with held-out items: each is
// scored from their training history, their training items left out of
// the ranking (recommending what someone already has proves nothing).
struct Report {
  Accuracy mean;
  int users = 0;
};

Report evaluate(const Recommender& model, const Split& split, const InteractionMatrix& training,
                std::size_t k = 10);

}  // namespace recommendations::evaluation
