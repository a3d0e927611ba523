#include "evaluation.h"

#include "metrics.h"
#include "reindex/reindexer.h"
#include "search_settings.h"

namespace search::relevance {
namespace {

// The products, a page at a time, as a reindex reads the catalog.
class ProductList final : public ProductSource {
 public:
  explicit ProductList(const std::vector<IndexedProduct>& products) : products_(products) {}

  ProductPage page(const std::optional<std::string>& cursor) override {
    const std::size_t from = cursor ? std::stoul(*cursor) : 0;
    const std::size_t to = std::min(products_.size(), from + 500);
    ProductPage page;
    page.products.assign(products_.begin() + static_cast<std::ptrdiff_t>(from),
                         products_.begin() + static_cast<std::ptrdiff_t>(to));
    if (to < products_.size()) page.next_cursor = std::to_string(to);
    return page;
  }

 private:
  const std::vector<IndexedProduct>& products_;
};

void add(QueryScores& total, const QueryScores& scores) {
  total.ndcg_at_10 += scores.ndcg_at_10;
  total.recall_at_50 += scores.recall_at_50;
  total.capped_recall_at_50 += scores.capped_recall_at_50;
}

QueryScores divided(QueryScores total, std::size_t count) {
  if (count == 0) return total;
  const auto n = static_cast<double>(count);
  return {total.ndcg_at_10 / n, total.recall_at_50 / n, total.capped_recall_at_50 / n};
}

}  // namespace

EngineSetup shop_engine() {
  EngineSetup setup;
  setup.name = "shop";
  setup.synonyms =
      std::make_shared<const Synonyms>(Synonyms::from_json(default_synonyms().front().content));
  return setup;
}

EngineSetup plain_bm25_engine() {
  EngineSetup setup;
  setup.name = "plain BM25";
  setup.fields = {1, 1, 1, 1, 1};
  setup.search.require_every_word = false;
  setup.search.plan.prefix_last_word = false;
  setup.search.plan.corrections_per_word = 0;
  setup.search.plan.join_and_split_words = false;
  setup.search.ranking = {0, 0, 0};
  return setup;
}

void tune(EngineSetup& setup, const std::string& assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string::npos) throw std::invalid_argument("expected NAME=VALUE");
  const auto name = assignment.substr(0, equals);
  const double value = std::stod(assignment.substr(equals + 1));
  auto& search = setup.search;
  auto& fields = setup.fields;
  const auto count = static_cast<Xapian::termcount>(value);
  if (name == "k1") {
    search.bm25_k1 = value;
  } else if (name == "b") {
    search.bm25_b = value;
  } else if (name == "popularity") {
    search.ranking.popularity = value;
  } else if (name == "in_stock") {
    search.ranking.in_stock = value;
  } else if (name == "proximity") {
    search.ranking.proximity = value;
  } else if (name == "relax_below") {
    search.relax_below = static_cast<std::uint64_t>(value);
  } else if (name == "title") {
    fields.title = count;
  } else if (name == "brand") {
    fields.brand = count;
  } else if (name == "category") {
    fields.category = count;
  } else if (name == "description") {
    fields.description = count;
  } else {
    throw std::invalid_argument("no setting " + name);
  }
}

Engine::Engine(const EngineSetup& setup, const std::vector<IndexedProduct>& products,
               const std::filesystem::path& directory)
    : name_(setup.name),
      directory_(directory),
      index_(directory_, setup.fields),
      readers_(index_),
      lexicon_(index_, readers_) {
  ProductList source(products);
  Reindexer reindexer(index_, source, [this] { lexicon_.refresh(); });
  reindexer.run();
  searcher_ = std::make_unique<Searcher>(readers_, lexicon_, setup.synonyms, setup.search);
}

Engine::~Engine() = default;

std::vector<std::string> Engine::ranked(const std::string& text, std::size_t count) const {
  SearchRequest request;
  request.text = text;
  request.limit = count;
  request.facets = false;
  request.highlight = false;
  std::vector<std::string> ids;
  for (const auto& hit : searcher_->search(request).hits) ids.push_back(hit.product.id);
  return ids;
}

Scores evaluate(const Engine& engine, const Judgments& judgments) {
  Scores scores;
  std::map<std::string, std::size_t> per_kind;
  static const Grades kNone;
  for (const auto& query : judgments.queries) {
    const auto found = judgments.grades.find(query.id);
    const auto& grades = found == judgments.grades.end() ? kNone : found->second;
    const auto ranked = engine.ranked(query.text, 50);
    const QueryScores query_scores{ndcg_at(ranked, grades, 10), recall_at(ranked, grades, 50),
                                   capped_recall_at(ranked, grades, 50)};
    scores.by_query[query.id] = query_scores;
    add(scores.mean, query_scores);
    add(scores.by_kind[query.kind], query_scores);
    ++per_kind[query.kind];
  }
  scores.mean = divided(scores.mean, judgments.queries.size());
  for (auto& [kind, total] : scores.by_kind) total = divided(total, per_kind[kind]);
  return scores;
}

}  // namespace search::relevance
