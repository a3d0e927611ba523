#include "metrics.h"

#include <algorithm>
#include <cmath>

namespace search::relevance {
namespace {

int grade_of(const Grades& grades, const std::string& document) {
  const auto found = grades.find(document);
  return found == grades.end() ? 0 : found->second;
}

double discounted_gain(const std::vector<int>& ranked_grades, std::size_t k) {
  double total = 0;
  for (std::size_t i = 0; i < ranked_grades.size() && i < k; ++i) {
    total += (std::pow(2.0, ranked_grades[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  return total;
}

std::size_t relevant_in_first(const std::vector<std::string>& ranked, const Grades& grades,
                              std::size_t k) {
  std::size_t found = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) found += grade_of(grades, ranked[i]) > 0;
  return found;
}

}  // namespace

double ndcg_at(const std::vector<std::string>& ranked, const Grades& grades, std::size_t k) {
  std::vector<int> ideal;
  for (const auto& [document, grade] : grades) ideal.push_back(grade);
  std::sort(ideal.rbegin(), ideal.rend());
  const double best = discounted_gain(ideal, k);
  if (best == 0) return 0;
  std::vector<int> got;
  for (const auto& document : ranked) got.push_back(grade_of(grades, document));
  return discounted_gain(got, k) / best;
}

double recall_at(const std::vector<std::string>& ranked, const Grades& grades, std::size_t k) {
  if (grades.empty()) return 0;
  return static_cast<double>(relevant_in_first(ranked, grades, k)) /
         static_cast<double>(grades.size());
}

double capped_recall_at(const std::vector<std::string>& ranked, const Grades& grades,
                        std::size_t k) {
  if (grades.empty()) return 0;
  return static_cast<double>(relevant_in_first(ranked, grades, k)) /
         static_cast<double>(std::min(grades.size(), k));
}

}  // namespace search::relevance
