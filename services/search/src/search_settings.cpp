#include "search_settings.h"

#include <charconv>
#include <sstream>

#include "platform/error.h"
#include "platform/files.h"

namespace search {
namespace {

// A decimal number setting (Config reads integers only).
double number(platform::Config& config, std::string_view name, double default_value,
              std::string_view help) {
  std::ostringstream shown;
  shown << default_value;
  const auto text = config.text(name, shown.str(), help);
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [parsed, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || parsed != end || value < 0 || value > 1000) {
    config.reject(name, text, "must be a number from 0 to 1000");
    return default_value;
  }
  return value;
}

}  // namespace

SearchServiceOptions read_search_options(platform::Config& config,
                                         std::string_view default_index_directory) {
  SearchServiceOptions options;
  options.index_directory =
      config.text("SEARCH_INDEX_DIR", default_index_directory,
                  "where this replica keeps its index (generations of a Xapian database)");
  auto& ranking = options.search.ranking;
  ranking.popularity = number(config, "SEARCH_POPULARITY_WEIGHT", ranking.popularity,
                              "what the most popular product adds to its score");
  ranking.in_stock = number(config, "SEARCH_IN_STOCK_WEIGHT", ranking.in_stock,
                            "what being in stock adds to a product's score");
  ranking.proximity = number(config, "SEARCH_PROXIMITY_WEIGHT", ranking.proximity,
                             "scale of the bonus for a query's words close together");
  options.search.bm25_k1 =
      number(config, "SEARCH_BM25_K1", options.search.bm25_k1, "BM25 term frequency saturation");
  options.search.bm25_b =
      number(config, "SEARCH_BM25_B", options.search.bm25_b, "BM25 length normalisation, 0 to 1");
  options.cache_ttl = config.milliseconds(
      "SEARCH_CACHE_TTL_MS", options.cache_ttl,
      "how long an answer is served again to the same request while the index does not change; "
      "0 disables the cache");
  options.reindex_when_behind = config.flag(
      "SEARCH_REINDEX_WHEN_BEHIND", options.reindex_when_behind,
      "build the index from the catalog at start when it is empty or its consumer of events is "
      "new (not ready until done)");
  options.forget_consumer_when_idle =
      config.milliseconds("SEARCH_CONSUMER_IDLE_LIMIT_MS", options.forget_consumer_when_idle,
                          "how long the bus keeps this replica's consumer while it is down; 0: "
                          "for ever");
  return options;
}

std::shared_ptr<const Synonyms> read_synonyms(platform::Config& config) {
  const auto file = config.text("SEARCH_SYNONYMS_FILE", "",
                                "a JSON synonyms document; empty uses the demo shop's");
  if (file.empty()) {
    return std::make_shared<const Synonyms>(
        Synonyms::from_json(default_synonyms().front().content));
  }
  try {
    return std::make_shared<const Synonyms>(Synonyms::from_json(platform::read_file(file)));
  } catch (const std::exception& error) {
    config.reject("SEARCH_SYNONYMS_FILE", file, error.what());
    return std::make_shared<const Synonyms>();
  }
}

}  // namespace search
