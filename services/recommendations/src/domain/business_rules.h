#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "domain/ranking.h"

namespace recommendations {

// What the shop's rules need to know about a product.
struct ProductFacts {
  std::string category;
  bool available = false;  // on sale and in stock
};

struct Rules {
  std::size_t count = 10;
  // No more than this many from one category while others are left.
  std::size_t per_category = 3;
};

// What the shop knows of an item, or nullptr for a product it does not
// know (never told of, or deleted).
using FactsOf = std::function<const ProductFacts*(int item)>;

// The first `rules.count` of a ranking (best first) that can be offered:
// products the shop knows, available, and not in `excluded` (what the
// customer already bought). Categories are spread: a product beyond a
// category's share waits, and the waiting ones fill the list, in ranking
// order, only if too few others are left.
std::vector<ScoredItem> apply_rules(std::span<const ScoredItem> ranked, const FactsOf& facts_of,
                                    std::span<const int> excluded, const Rules& rules);

}  // namespace recommendations
