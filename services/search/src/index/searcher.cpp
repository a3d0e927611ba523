#include "index/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "domain/highlight.h"
#include "domain/text_analysis.h"
#include "index/document_layout.h"

namespace search {
namespace {

// Counts brands, categories and price buckets over every match, from the
// columns (a match's values are never read from the index).
class FacetCounter final : public Xapian::MatchSpy {
 public:
  FacetCounter(const ProductColumns& columns, bool brands, bool categories, bool prices,
               const std::vector<std::int64_t>& edges)
      : columns_(columns),
        brands_(brands),
        categories_(categories),
        prices_(prices),
        edges_(edges),
        brand_counts_(brands ? columns.brand_count() : 0, 0),
        category_counts_(categories ? columns.category_count() : 0, 0),
        price_counts_(edges.size() + 1, 0) {}

  void operator()(const Xapian::Document& document, double) override {
    const auto row = columns_.row(document.get_docid());
    // Numbers given after the counter was made (a product written meanwhile)
    // are left out: the count is of the index as it was.
    if (brands_ && row.brand < brand_counts_.size()) ++brand_counts_[row.brand];
    if (categories_ && row.category < category_counts_.size()) ++category_counts_[row.category];
    if (prices_ && row.price_bucket < price_counts_.size()) ++price_counts_[row.price_bucket];
  }

  void fill(Facets& facets, const SearchFilters& filters, std::size_t brand_limit) const {
    if (brands_) {
      // Spellings of one brand ("OtterBox", "Otterbox") count together under
      // the most common one.
      struct Brand {
        std::string shown;
        std::uint64_t shown_count = 0;
        std::uint64_t total = 0;
      };
      std::map<std::string, Brand> by_key;
      for (std::uint32_t number = 1; number < brand_counts_.size(); ++number) {
        const auto count = brand_counts_[number];
        if (count == 0) continue;
        const auto name = columns_.brand_name(number);
        auto& merged = by_key[layout::brand_key(name)];
        merged.total += count;
        if (count > merged.shown_count) {
          merged.shown = name;
          merged.shown_count = count;
        }
      }
      std::map<std::string, std::uint64_t> merged;
      for (const auto& [key, brand] : by_key) merged[brand.shown] = brand.total;
      facets.brands = top_values(merged, brand_limit);
    }
    if (categories_) {
      std::map<std::string, std::uint64_t> paths;
      for (std::uint32_t number = 1; number < category_counts_.size(); ++number) {
        if (category_counts_[number] != 0) {
          paths[columns_.category_path(number)] += category_counts_[number];
        }
      }
      facets.categories = category_children(paths, filters.category);
    }
    if (prices_) facets.prices = price_buckets(price_counts_, edges_);
  }

 private:
  const ProductColumns& columns_;
  bool brands_;
  bool categories_;
  bool prices_;
  const std::vector<std::int64_t>& edges_;
  std::vector<std::uint64_t> brand_counts_;     // by brand number
  std::vector<std::uint64_t> category_counts_;  // by category number
  std::vector<std::uint64_t> price_counts_;
};

void set_order(Xapian::Enquire& enquire, SortOrder sort, bool has_words) {
  switch (sort) {
    case SortOrder::relevance:
      if (!has_words) enquire.set_sort_by_value_then_relevance(layout::popularity, true);
      return;
    case SortOrder::price_asc:
      enquire.set_sort_by_value_then_relevance(layout::price, false);
      return;
    case SortOrder::price_desc:
      enquire.set_sort_by_value_then_relevance(layout::price, true);
      return;
    case SortOrder::popularity:
      enquire.set_sort_by_value_then_relevance(layout::popularity, true);
      return;
    case SortOrder::newest:
      enquire.set_sort_by_value_then_relevance(layout::created_at, true);
      return;
  }
}

bool counted_exactly(const Xapian::MSet& mset) {
  return mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
}

bool filtered_on(const SearchFilters& filters, Dimension dimension) {
  switch (dimension) {
    case Dimension::brand:
      return !filters.brands.empty();
    case Dimension::category:
      return filters.category.has_value();
    case Dimension::price:
      return filters.min_price.has_value() || filters.max_price.has_value();
  }
  return false;
}

// How many of the best matches for the rest of the query completions of
// the word being typed are looked for in.
constexpr std::size_t kCompletionSample = 20;

// Facets of a relaxed answer whose words no product has all of count at
// most this many of the products with some.
constexpr Xapian::doccount kRelaxedFacetSample = 10000;

// One search. With facets, the ranking pass visits every match and counts
// it (from the columns) on the way; without, it stops once nothing left can
// enter the page. A facet whose filter is set is counted by a pass of its
// own, unweighted, without that filter.
class Search {
 public:
  Search(Xapian::Database& database, const ProductColumns& columns,
         std::shared_ptr<const ProductColumns> shared_columns, const SearchOptions& options,
         const QueryPlan& plan, const SearchRequest& request)
      : database_(database),
        columns_(columns),
        shared_columns_(std::move(shared_columns)),
        options_(options),
        plan_(plan),
        request_(request) {}

  SearchResult run() {
    SearchResult result;
    result.corrections = plan_.corrections;
    result.corrected_text = plan_.corrected_text;
    const auto strict =
        words(options_.require_every_word ? Matching::every_clause : Matching::any_clause);
    auto mset = page(strict, request_.facets ? database_.get_doccount() : 0, result.facets);
    const std::uint64_t total = mset.get_matches_estimated();
    result.total = total;
    result.total_exact = counted_exactly(mset);
    // Under a sort by price, popularity or newness, products missing a word
    // would mix with the others: only relevance relaxes.
    if (options_.require_every_word && request_.sort == SortOrder::relevance &&
        plan_.clauses.size() >= 2 && total < options_.relax_below) {
      // Few products have every word: those with all but one follow them,
      // or, when there are none, those with any (a walk through every
      // product with the commonest word: kept for when nothing else is
      // found). The facets stay those of the products with every word,
      // unless none has.
      const bool recount = request_.facets && total == 0;
      if (recount) result.facets = {};
      for (const auto matching : {Matching::most_clauses_first, Matching::any_clause_first}) {
        const auto relaxed = words(matching);
        Facets counted;
        mset = page(relaxed, recount ? kRelaxedFacetSample : 0, counted);
        if (mset.get_matches_estimated() > total) {
          result.total = mset.get_matches_estimated();
          result.total_exact = counted_exactly(mset);
        }
        if (recount) {
          result.facets = std::move(counted);
          count_filtered_dimensions(relaxed, kRelaxedFacetSample, result.facets);
        }
        if (result.total > 0 || plan_.clauses.size() == 2) break;
      }
      result.relaxed = true;
      if (request_.facets && !recount) {
        count_filtered_dimensions(strict, database_.get_doccount(), result.facets);
      }
    } else if (request_.facets) {
      count_filtered_dimensions(strict, database_.get_doccount(), result.facets);
    }
    fill_hits(mset, result);
    const auto next = request_.offset + request_.limit;
    if (next < result.total && next <= kMaxOffset) result.next_offset = next;
    return result;
  }

 private:
  Xapian::Query words(Matching matching) const {
    if (plan_.empty()) return Xapian::Query::MatchAll;
    return text_query(plan_, matching);
  }

  Xapian::Query filtered(const Xapian::Query& matches, std::optional<Dimension> excluded) const {
    return Xapian::Query(Xapian::Query::OP_FILTER, matches,
                         filter_query(request_.filters, excluded));
  }

  // The page of `matches`, ranked. With `counted` > 0, at least that many
  // matches are visited and counted into `facets` (the dimensions without
  // a filter); the match count is then exact up to it.
  Xapian::MSet page(const Xapian::Query& matches, Xapian::doccount counted, Facets& facets) const {
    const auto& filters = request_.filters;
    // Before the enquire, which points at it.
    FacetCounter counter(columns_, !filtered_on(filters, Dimension::brand),
                         !filtered_on(filters, Dimension::category),
                         !filtered_on(filters, Dimension::price), default_price_edges());
    Xapian::Enquire enquire(database_);
    enquire.set_weighting_scheme(Xapian::BM25Weight(options_.bm25_k1, 0, 1, options_.bm25_b, 0.5));
    const auto query = filtered(matches, std::nullopt);
    enquire.set_query(request_.sort == SortOrder::relevance && !plan_.empty()
                          ? ranked_query(query, plan_, options_.ranking, shared_columns_)
                          : query);
    set_order(enquire, request_.sort, !plan_.empty());
    if (counted > 0) enquire.add_matchspy(&counter);
    const auto page_end = static_cast<Xapian::doccount>(request_.offset + request_.limit);
    const auto exact_up_to = static_cast<Xapian::doccount>(
        std::min<std::uint64_t>(options_.exact_totals_up_to, database_.get_doccount()));
    auto mset = enquire.get_mset(static_cast<Xapian::doccount>(request_.offset),
                                 static_cast<Xapian::doccount>(request_.limit),
                                 std::max({counted, page_end + 1, exact_up_to}));
    if (counted > 0) counter.fill(facets, filters, options_.brand_facet_size);
    return mset;
  }

  // Each facet whose filter is set, counted over the matches (at most
  // `limit`) as if that filter were not: unweighted, in any order.
  void count_filtered_dimensions(const Xapian::Query& matches, Xapian::doccount limit,
                                 Facets& facets) const {
    const auto& filters = request_.filters;
    for (const auto dimension : {Dimension::brand, Dimension::category, Dimension::price}) {
      if (!filtered_on(filters, dimension)) continue;
      FacetCounter counter(columns_, dimension == Dimension::brand,
                           dimension == Dimension::category, dimension == Dimension::price,
                           default_price_edges());
      Xapian::Enquire enquire(database_);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
      enquire.set_query(filtered(matches, dimension));
      enquire.add_matchspy(&counter);
      enquire.get_mset(0, 0, limit);
      counter.fill(facets, filters, options_.brand_facet_size);
    }
  }

  void fill_hits(const Xapian::MSet& mset, SearchResult& result) const {
    const Highlighter highlighter(plan_);
    for (auto match = mset.begin(); match != mset.end(); ++match) {
      SearchHit hit;
      hit.product = entry_of(match.get_document()).product;
      hit.score = match.get_weight();
      if (request_.highlight && !plan_.empty()) {
        hit.title_highlight = highlighter.whole(hit.product.title);
        hit.description_snippet = highlighter.passage(hit.product.description, 180);
      }
      result.hits.push_back(std::move(hit));
    }
  }

  Xapian::Database& database_;
  const ProductColumns& columns_;
  std::shared_ptr<const ProductColumns> shared_columns_;
  const SearchOptions& options_;
  const QueryPlan& plan_;
  const SearchRequest& request_;
};

}  // namespace

Searcher::Searcher(ReaderPool& readers, LexiconCache& lexicon,
                   std::shared_ptr<const Synonyms> synonyms, SearchOptions options)
    : readers_(readers), lexicon_(lexicon), synonyms_(std::move(synonyms)), options_(options) {}

SearchResult Searcher::search(const SearchRequest& request) const {
  const auto lexicon = lexicon_.current();
  const auto plan = plan_query(request.text, *lexicon, *synonyms_, options_.plan);
  return readers_.run([&](Xapian::Database& database, const ProductColumns& columns,
                          const std::shared_ptr<const ProductColumns>& shared) {
    return Search(database, columns, shared, options_, plan, request).run();
  });
}

Suggestions Searcher::suggest(std::string_view text, std::size_t queries,
                              std::size_t products) const {
  Suggestions suggestions;
  const auto lexicon = lexicon_.current();
  // Suggestions are asked for at every key press: "desk" may become
  // "desktop", and products with some of the words only when none has all.
  auto suggest_options = options_;
  suggest_options.plan.prefix_known_words = true;
  suggest_options.relax_below = 1;
  suggest_options.exact_totals_up_to = 0;  // no totals shown: only the best matches matter
  const auto plan = plan_query(text, *lexicon, *synonyms_, suggest_options.plan);
  if (plan.empty()) return suggestions;
  suggestions.corrected_text = plan.corrected_text;
  const auto& last = plan.clauses.back();
  const bool typing = last.forms.back().kind == Form::Kind::prefix;
  // The query's words before the one being typed, corrected.
  std::string before;
  for (std::size_t i = 0; i + 1 < plan.clauses.size(); ++i) {
    auto word = plan.clauses[i].text;
    for (const auto& correction : plan.corrections) {
      if (correction.typed == word) word = correction.corrected;
    }
    before += word + " ";
  }

  readers_.run([&](Xapian::Database& database, const ProductColumns& columns,
                   const std::shared_ptr<const ProductColumns>& shared) {
    SearchRequest request;
    request.text = std::string(text);
    // Enough matches to rank completions by; the products shown are the
    // first few of them.
    request.limit = std::max<std::size_t>(products, kCompletionSample);
    request.facets = false;
    request.highlight = false;
    const auto result = Search(database, columns, shared, suggest_options, plan, request).run();
    for (std::size_t i = 0; i < result.hits.size() && i < products; ++i) {
      suggestions.products.push_back(result.hits[i].product);
    }
    if (!typing) return 0;
    // Completions of the last word among the best matches' titles, brands
    // and categories (what a shopper would type; descriptions would offer
    // "designed"): words that go with the rest of the query. Forms of one
    // stem ("desk", "desks") are one completion, shown as the most common.
    struct Completion {
      std::map<std::string, std::uint64_t> forms;
      std::uint64_t products = 0;
    };
    std::map<std::string, Completion> completions;
    for (const auto& hit : result.hits) {
      std::set<std::string> words;
      for (const auto* field : {&hit.product.title, &hit.product.brand}) {
        for (auto& word : analyse(*field)) words.insert(std::move(word));
      }
      for (auto& word : analyse(category_words(hit.product.category_path))) {
        words.insert(std::move(word));
      }
      std::set<std::string> stems;
      for (const auto& word : words) {
        if (!word.starts_with(last.text)) continue;
        auto& completion = completions[stem(word)];
        ++completion.forms[word];
        if (stems.insert(stem(word)).second) ++completion.products;
      }
    }
    std::map<std::string, std::uint64_t> counts;
    for (const auto& [stem_text, completion] : completions) {
      const auto shown =
          std::max_element(completion.forms.begin(), completion.forms.end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; });
      counts[shown->first] = completion.products;
    }
    std::vector<Suggestions::Query> found;
    found.reserve(counts.size());
    for (const auto& [word, count] : counts) found.push_back({before + word, count});
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.products > b.products; });
    if (found.size() > queries) found.resize(queries);
    suggestions.queries = std::move(found);
    return 0;
  });
  return suggestions;
}

}  // namespace search
