#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "index/index_directory.h"
#include "index/lexicon_cache.h"
#include "index/live_index.h"
#include "index/reader_pool.h"
#include "index/searcher.h"
#include "judgments.h"

namespace search::relevance {

// How an engine under evaluation indexes and searches.
struct EngineSetup {
  std::string name;
  FieldWeights fields;
  SearchOptions search;
  std::shared_ptr<const Synonyms> synonyms = std::make_shared<const Synonyms>();
};

// The shop's search as it runs (the demo shop's synonyms).
EngineSetup shop_engine();
// The baseline: BM25 over every field alike, any word matching, the same
// words and stems, and nothing else: no field weights, phrases' proximity,
// prefixes, typo correction, synonyms, joined or split words, popularity
// or stock.
EngineSetup plain_bm25_engine();

// Changes one setting of `setup` ("k1=1.5"); throws std::invalid_argument
// for an unknown name or a value that is not a number.
void tune(EngineSetup& setup, const std::string& assignment);

// An index of `products` built in `directory` the way a reindex builds one,
// searched the way the service searches.
class Engine {
 public:
  Engine(const EngineSetup& setup, const std::vector<IndexedProduct>& products,
         const std::filesystem::path& directory);
  ~Engine();

  // The ids of the first `count` results for `text`.
  std::vector<std::string> ranked(const std::string& text, std::size_t count) const;
  const std::string& name() const noexcept { return name_; }

 private:
  std::string name_;
  IndexDirectory directory_;
  LiveIndex index_;
  ReaderPool readers_;
  LexiconCache lexicon_;
  std::unique_ptr<Searcher> searcher_;
};

struct QueryScores {
  double ndcg_at_10 = 0;
  double recall_at_50 = 0;
  double capped_recall_at_50 = 0;
};

struct Scores {
  QueryScores mean;                             // over every query
  std::map<std::string, QueryScores> by_kind;   // means per kind
  std::map<std::string, QueryScores> by_query;  // per query id
};

Scores evaluate(const Engine& engine, const Judgments& judgments);

}  // namespace search::relevance
