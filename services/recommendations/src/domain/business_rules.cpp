#include "domain/business_rules.h"

#include <map>
#include <unordered_set>

namespace recommendations {

std::vector<ScoredItem> apply_rules(std::span<const ScoredItem> ranked, const FactsOf& facts_of,
                                    std::span<const int> excluded, const Rules& rules) {
  const std::unordered_set<int> left_out(excluded.begin(), excluded.end());
  std::vector<ScoredItem> chosen;
  std::vector<ScoredItem> waiting;
  std::map<std::string, std::size_t> per_category;
  for (const auto& candidate : ranked) {
    if (chosen.size() == rules.count) break;
    const auto* product = facts_of(candidate.item);
    if (product == nullptr || !product->available || left_out.contains(candidate.item)) continue;
    auto& taken = per_category[product->category];
    if (taken >= rules.per_category) {
      waiting.push_back(candidate);
      continue;
    }
    ++taken;
    chosen.push_back(candidate);
  }
  for (const auto& candidate : waiting) {
    if (chosen.size() == rules.count) break;
    chosen.push_back(candidate);
  }
  return chosen;
}

}  // namespace recommendations
