#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "judgments.h"

namespace search::relevance {

// nDCG@k with graded gains 2^grade - 1 and the usual log2(rank + 1)
// discount, against the ideal ordering of every judged document (not only
// the retrieved ones). 0 for a query with no relevant document.
double ndcg_at(const std::vector<std::string>& ranked, const Grades& grades, std::size_t k);

// Relevant documents (grade >= 1) in the first k over all relevant ones.
double recall_at(const std::vector<std::string>& ranked, const Grades& grades, std::size_t k);

// The same over min(relevant, k): 1 when the first k are all relevant,
// however many more there are (broad queries have hundreds).
double capped_recall_at(const std::vector<std::string>& ranked, const Grades& grades,
                        std::size_t k);

}  // namespace search::relevance
