#pragma once

#include <cstdint>

#include "models/recommender.h"

namespace recommendations {

struct ImplicitAlsOptions {
  // Chosen on a validation split of MovieLens (README.md).
  int factors = 128;
  int iterations = 10;
  float l2 = 100;
  // Confidence in an observed interaction: 1 + alpha x weight.
  float alpha = 40;
  std::uint64_t seed = 42;
};

// Matrix factorisation for implicit feedback (Hu, Koren and Volinsky,
// "Collaborative Filtering for Implicit Feedback Datasets", ICDM 2008):
// every unobserved pair is a weak "no", every observed one a "yes" held
// with confidence 1 + alpha x weight; user and item factors are solved for
// in turn, exactly. Only the item factors are kept: a user's factors are
// solved from their history when asked, so someone who arrived after
// training is scored the same way.
class ImplicitAls final : public Recommender {
 public:
  ImplicitAls(Eigen::MatrixXf item_factors, const ImplicitAlsOptions& options);

  std::string name() const override { return "als"; }
  Eigen::VectorXf scores(History history) const override;
  // The user factors that best explain `history` against the item factors.
  Eigen::VectorXf user_factors(History history) const;
  const Eigen::MatrixXf& item_factors() const { return item_factors_; }

 private:
  Eigen::MatrixXf item_factors_;  // items x factors
  Eigen::MatrixXf item_gram_;     // Y'Y + l2 I, shared by every solve
  ImplicitAlsOptions options_;
};

ImplicitAls train_implicit_als(const InteractionMatrix& interactions,
                               const ImplicitAlsOptions& options = {});

}  // namespace recommendations
