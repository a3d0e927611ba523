#include "models/implicit_als.h"

#include <Eigen/Cholesky>
#include <random>

namespace recommendations {
namespace {

// Y'Y + l2 I: the part of every solve that does not depend on whose it is.
Eigen::MatrixXf regularised_gram(const Eigen::MatrixXf& factors, float l2) {
  Eigen::MatrixXf gram = factors.transpose() * factors;
  gram.diagonal().array() += l2;
  return gram;
}

// One side's factors for one row of observations against the other side's
// fixed factors: (Y'Y + Y'(C - I)Y + l2 I) x = Y'C p, where only observed
// entries make C differ from I (Hu et al., section 4).
template <typename Observations>
Eigen::VectorXf solve_row(const Eigen::MatrixXf& fixed, const Eigen::MatrixXf& gram,
                          const Observations& observations, float alpha) {
  Eigen::MatrixXf system = gram;
  Eigen::VectorXf target = Eigen::VectorXf::Zero(fixed.cols());
  for (const auto& [index, weight] : observations) {
    const float confidence = 1 + alpha * weight;
    const auto factors = fixed.row(index).transpose();
    system.selfadjointView<Eigen::Lower>().rankUpdate(factors, confidence - 1);
    target += confidence * factors;
  }
  return system.selfadjointView<Eigen::Lower>().llt().solve(target);
}

// Every row of `observed` (a sparse row-major matrix) solved against `fixed`.
template <typename Sparse>
void solve_side(const Sparse& observed, const Eigen::MatrixXf& fixed, float l2, float alpha,
                Eigen::MatrixXf& solved) {
  const Eigen::MatrixXf gram = regularised_gram(fixed, l2);
  std::vector<std::pair<int, float>> row;
  for (Eigen::Index index = 0; index < observed.outerSize(); ++index) {
    row.clear();
    for (typename Sparse::InnerIterator entry(observed, index); entry; ++entry) {
      row.emplace_back(static_cast<int>(entry.index()), entry.value());
    }
    solved.row(index) = solve_row(fixed, gram, row, alpha).transpose();
  }
}

}  // namespace

ImplicitAls::ImplicitAls(Eigen::MatrixXf item_factors, const ImplicitAlsOptions& options)
    : item_factors_(std::move(item_factors)),
      item_gram_(regularised_gram(item_factors_, options.l2)),
      options_(options) {}

Eigen::VectorXf ImplicitAls::user_factors(History history) const {
  std::vector<std::pair<int, float>> observations;
  for (const auto& [item, weight] : history) {
    if (item >= 0 && item < item_factors_.rows()) observations.emplace_back(item, weight);
  }
  return solve_row(item_factors_, item_gram_, observations, options_.alpha);
}

Eigen::VectorXf ImplicitAls::scores(History history) const {
  return item_factors_ * user_factors(history);
}

ImplicitAls train_implicit_als(const InteractionMatrix& interactions,
                               const ImplicitAlsOptions& options) {
  std::mt19937_64 generator(options.seed);
  std::normal_distribution<float> noise(0, 0.01F);
  const auto random = [&](Eigen::Index rows) {
    Eigen::MatrixXf factors(rows, options.factors);
    for (Eigen::Index i = 0; i < factors.size(); ++i) factors.data()[i] = noise(generator);
    return factors;
  };
  Eigen::MatrixXf users = random(interactions.users());
  Eigen::MatrixXf items = random(interactions.items());
  const Eigen::SparseMatrix<float, Eigen::RowMajor, int> by_item = interactions.rows().transpose();
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    solve_side(interactions.rows(), items, options.l2, options.alpha, users);
    solve_side(by_item, users, options.l2, options.alpha, items);
  }
  return ImplicitAls(std::move(items), options);
}

}  // namespace recommendations
