#include "evaluation/evaluation.h"

#include "domain/ranking.h"

namespace recommendations::evaluation {

Report evaluate(const Recommender& model, const Split& split, const InteractionMatrix& training,
                std::size_t k) {
  Report report;
  std::vector<int> seen;
  for (int user = 0; user < split.users; ++user) {
    const auto& relevant = split.held_out[static_cast<std::size_t>(user)];
    if (relevant.empty()) continue;
    const auto history = training.history(user);
    seen.clear();
    for (const auto& entry : history) seen.push_back(entry.item);
    const auto ranked = items_of(top_items(model.scores(history), k, seen));
    const auto accuracy = accuracy_at(ranked, relevant, k);
    report.mean.precision += accuracy.precision;
    report.mean.recall += accuracy.recall;
    report.mean.ndcg += accuracy.ndcg;
    report.mean.average_precision += accuracy.average_precision;
    ++report.users;
  }
  if (report.users > 0) {
    const auto users = static_cast<double>(report.users);
    report.mean.precision /= users;
    report.mean.recall /= users;
    report.mean.ndcg /= users;
    report.mean.average_precision /= users;
  }
  return report;
}

}  // namespace recommendations::evaluation
