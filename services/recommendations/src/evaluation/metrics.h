#pragma once

#include <cstddef>
#include <span>

namespace recommendations::evaluation {

// How well one user's top k did against the items they were held out,
// with binary relevance (the definitions of Microsoft's Recommenders, so
// figures compare with its published benchmark):
// - precision: hits / k;
// - recall: hits / held out;
// - nDCG: sum of 1 / log2(rank + 1) over the hits, over the same sum for
//   min(k, held out) hits at the top;
// - average precision: the precision at the rank of each hit, summed, over
//   min(k, held out).
struct Accuracy {
  double precision = 0;
  double recall = 0;
  double ndcg = 0;
  double average_precision = 0;
};

// `ranked` holds at most k items, best first; `relevant` is sorted.
Accuracy accuracy_at(std::span<const int> ranked, std::span<const int> relevant, std::size_t k);

}  // namespace recommendations::evaluation
