#pragma once

#include <xapian.h>

#include <memory>
#include <optional>

#include "domain/query_plan.h"
#include "domain/search_request.h"
#include "index/product_columns.h"

namespace search {

// How much besides the words decides the order of results (the weights add
// to BM25 scores, which run from about 1 for a common word to 10 and more
// for a rare one matched in a title).
struct RankingWeights {
  double popularity = 1.5;  // what the most popular product gains
  double in_stock = 1.0;    // what a product in stock gains
  // Scale of the bonus for the words close together. Off: it reads the
  // positions of every match, which made searches with common words many
  // times slower (docs/benchmarks.md) for no measurable relevance.
  double proximity = 0;
};

enum class Matching {
  every_clause,  // a product must match each clause
  any_clause,    // one is enough (plain BM25 retrieval)
  // Relaxed queries, those matching every clause well ahead of the others:
  most_clauses_first,  // all but one clause (any, of two)
  any_clause_first,    // any clause
};

// The words of `plan` as a Xapian query.
Xapian::Query text_query(const QueryPlan& plan, Matching matching);

// What a facet shows, so its own filter can be left out when counting it:
// a shopper who picked one brand still sees the other brands' counts.
enum class Dimension { brand, category, price };

// The filters as a boolean query (products on sale only), without the one
// of `excluded`.
Xapian::Query filter_query(const SearchFilters& filters,
                           std::optional<Dimension> excluded = std::nullopt);

// `matches` ranked by the words, plus popularity, stock and the words
// standing close together.
Xapian::Query ranked_query(const Xapian::Query& matches, const QueryPlan& plan,
                           const RankingWeights& weights,
                           const std::shared_ptr<const ProductColumns>& columns);

}  // namespace search
