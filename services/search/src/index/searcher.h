#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/query_plan.h"
#include "domain/search_request.h"
#include "domain/synonyms.h"
#include "index/lexicon_cache.h"
#include "index/query_builder.h"
#include "index/reader_pool.h"

namespace search {

struct SearchOptions {
  PlanOptions plan;
  // Every word must match; when fewer than `relax_below` products have
  // them all, products with some of them follow those (20: recall@50 of the
  // judged queries 0.414 against 0.428 at 50, for a quarter less work per
  // search; docs/benchmarks.md). False ranks products
  // with any of them from the start (plain BM25 retrieval).
  bool require_every_word = true;
  std::uint64_t relax_below = 20;  // a page
  RankingWeights ranking;
  // BM25's term frequency saturation and length normalisation.
  double bm25_k1 = 1.2;
  double bm25_b = 0.75;
  std::size_t brand_facet_size = 20;
  // Totals up to this many are counted, not estimated. Xapian estimates a
  // match count from term frequencies once it has enough matches for the
  // page, and entries that are not products (stock figures that came
  // first, removals) skew that estimate below the truth; a shop that says
  // "12 results" must have 12. Elasticsearch counts exactly up to 10,000
  // by default; a thousand matches cost well under a millisecond to count
  // here, and with facets every match is visited anyway.
  std::uint64_t exact_totals_up_to = 1000;
};

// As-you-type help: completed queries and the products they lead to.
struct Suggestions {
  struct Query {
    std::string text;
    std::uint64_t products = 0;  // of the top matches, how many use the completion
  };
  std::vector<Query> queries;
  std::vector<IndexedProduct> products;
  std::string corrected_text;
};

// Answers searches from the served index (thread-safe: each call borrows a
// reader).
class Searcher {
 public:
  Searcher(ReaderPool& readers, LexiconCache& lexicon, std::shared_ptr<const Synonyms> synonyms,
           SearchOptions options);

  SearchResult search(const SearchRequest& request) const;
  Suggestions suggest(std::string_view text, std::size_t queries, std::size_t products) const;

  const SearchOptions& options() const noexcept { return options_; }

 private:
  ReaderPool& readers_;
  LexiconCache& lexicon_;
  std::shared_ptr<const Synonyms> synonyms_;
  SearchOptions options_;
};

}  // namespace search
