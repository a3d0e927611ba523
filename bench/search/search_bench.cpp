// The search benchmark's tool (bench/search/run.sh drives it):
//   search_bench generate FILE COUNT           COUNT generated products and the
//                                              Best Buy catalog, as JSON Lines
//   search_bench queries FILE COUNT            COUNT generated queries and the
//                                              judged Best Buy ones, one a line
//   search_bench build-index DIR FILE          the search index of FILE in DIR,
//                                              as a reindex builds it
//   search_bench load-postgres URL FILE        the same products into PostgreSQL
//                                              full-text search
//   search_bench serve-postgres PORT URL       GET /v1/search answered by it
//   search_bench profile DIR QUERIES ROUNDS    each query searched in-process
//                                              ROUNDS times: mean and slowest
// Timings and sizes are printed as one JSON object.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "bestbuy_catalog.h"
#include "events/catalog_documents.h"
#include "generated_catalog.h"
#include "index/lexicon_cache.h"
#include "index/live_index.h"
#include "index/searcher.h"
#include "judgments.h"
#include "platform/clock.h"
#include "platform/db/database.h"
#include "platform/http/server.h"
#include "platform/ids.h"
#include "platform/log.h"
#include "postgres_search.h"
#include "reindex/reindexer.h"

namespace {

using namespace search;

// A Best Buy product in the catalog's document form (with a UUID id, as
// the catalog would give it).
boost::json::object catalog_document(const IndexedProduct& product) {
  return {{"id", platform::new_uuid_v7()},
          {"sku", "BB-" + product.sku},
          {"slug", product.slug},
          {"title", product.title},
          {"description", product.description},
          {"brand", product.brand},
          {"category_path", product.category_path},
          {"attributes", boost::json::object{}},
          {"price", {{"amount", product.price.amount}, {"currency", "EUR"}}},
          {"image_ids", boost::json::array{}},
          {"status", "active"},
          {"popularity", product.popularity},
          {"created_at", "2026-11-01T10:00:00Z"},
          {"version", 1},
          {"stock", {{"available", product.stock.available}, {"version", 1}}}};
}

int generate(const std::string& file, std::size_t count) {
  std::ofstream out(file);
  for (const auto& product : bench::generated_catalog(count)) {
    out << boost::json::serialize(product) << '\n';
  }
  std::size_t bestbuy = 0;
  const auto path = relevance::bestbuy_catalog_path();
  if (std::filesystem::exists(path)) {
    for (const auto& product : relevance::read_bestbuy_catalog(path)) {
      out << boost::json::serialize(catalog_document(product)) << '\n';
      ++bestbuy;
    }
  }
  std::printf("{\"generated\": %zu, \"bestbuy\": %zu}\n", count, bestbuy);
  return out ? 0 : 1;
}

int queries(const std::string& file, std::size_t count) {
  std::ofstream out(file);
  for (const auto& query : bench::generated_queries(count)) out << query << '\n';
  const auto folder = std::filesystem::path(SHOP_SOURCE_DIR) / "services/search/relevance";
  const auto judged = relevance::read_judgments(folder / "queries.tsv", folder / "qrels.txt");
  for (const auto& query : judged.queries) out << query.text << '\n';
  return out ? 0 : 1;
}

// The products of a JSON Lines file, a page at a time, read with the
// parser the reindex reads the catalog's pages with.
class ProductFile final : public ProductSource {
 public:
  explicit ProductFile(const std::string& file) : in_(file) {
    if (!in_) throw std::runtime_error("cannot read " + file);
  }
  ProductPage page(const std::optional<std::string>&) override {
    ProductPage page;
    std::string line;
    while (page.products.size() < 1000 && std::getline(in_, line)) {
      page.products.push_back(product_from_catalog(boost::json::parse(line).as_object()));
    }
    if (in_) page.next_cursor = "more";
    return page;
  }

 private:
  std::ifstream in_;
};

int build_index(const std::string& directory, const std::string& file) {
  const auto started = std::chrono::steady_clock::now();
  IndexDirectory folder(directory);
  LiveIndex index(folder, FieldWeights{});
  ProductFile products(file);
  Reindexer reindexer(index, products, {});
  reindexer.run();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto view = index.view();
  std::printf("{\"seconds\": %.2f, \"products\": %u, \"bytes\": %llu}\n", seconds,
              index.product_count(),
              static_cast<unsigned long long>(folder.size_of(view.generation)));
  return 0;
}

// The searcher alone, one thread: where a search's time goes, without HTTP.
int profile(const std::string& directory, const std::string& file, int rounds) {
  IndexDirectory folder(directory);
  LiveIndex index(folder, FieldWeights{});
  ReaderPool readers(index);
  LexiconCache lexicon(index, readers);
  const auto synonyms = std::make_shared<const Synonyms>();
  SearchOptions options;
  // What to leave out, to see what each part costs.
  const auto off = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && std::string(value) == "off";
  };
  if (off("PROXIMITY")) options.ranking.proximity = 0;
  if (off("SIGNALS")) options.ranking.popularity = options.ranking.in_stock = 0;
  if (off("PREFIX")) options.plan.prefix_last_word = false;
  if (off("RELAX")) options.relax_below = 0;
  if (const char* relax = std::getenv("RELAX_BELOW")) options.relax_below = std::stoul(relax);
  Searcher searcher(readers, lexicon, synonyms, options);
  std::vector<std::string> queries;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  struct Timing {
    double total = 0;
    double slowest = 0;
  };
  std::vector<Timing> timings(queries.size());
  const auto started = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      SearchRequest request;
      request.text = queries[i];
      request.facets = !off("FACETS");
      request.highlight = !off("HIGHLIGHT");
      const auto before = std::chrono::steady_clock::now();
      searcher.search(request);
      const double took =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before)
              .count();
      timings[i].total += took;
      timings[i].slowest = std::max(timings[i].slowest, took);
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::vector<std::size_t> order(queries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return timings[a].total > timings[b].total; });
  std::printf("%zu searches in %.2f s: %.3f ms each\n", queries.size() * rounds, seconds,
              seconds * 1000 / static_cast<double>(queries.size() * rounds));
  for (std::size_t i = 0; i < std::min<std::size_t>(15, order.size()); ++i) {
    const auto& timing = timings[order[i]];
    std::printf("  %7.3f ms mean %7.3f ms slowest  %s\n", timing.total / rounds, timing.slowest,
                queries[order[i]].c_str());
  }
  return 0;
}

int load(const std::string& url, const std::string& file) {
  auto database = platform::db::open_database(url);
  const double seconds = bench::load_postgres(*database, file);
  std::printf("{\"seconds\": %.2f, \"bytes\": %lld}\n", seconds,
              static_cast<long long>(bench::postgres_size(*database)));
  return 0;
}

int serve(int port, const std::string& url) {
  platform::http::ShutdownSignals signals;
  platform::db::DatabaseOptions options;
  options.pool_size = 16;
  auto database = platform::db::open_database(url, options);
  platform::metrics::Registry registry;
  platform::http::ServerOptions server_options;
  server_options.service = "postgres-search";
  server_options.port = port;
  server_options.access_log = false;
  platform::http::Server server(server_options, bench::postgres_search_routes(*database), registry);
  platform::http::serve_until_shutdown(server, signals);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  platform::log::set_level("warn");
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  try {
    if (arguments.size() == 3 && arguments[0] == "generate") {
      return generate(arguments[1], std::stoul(arguments[2]));
    }
    if (arguments.size() == 3 && arguments[0] == "queries") {
      return queries(arguments[1], std::stoul(arguments[2]));
    }
    if (arguments.size() == 3 && arguments[0] == "build-index") {
      return build_index(arguments[1], arguments[2]);
    }
    if (arguments.size() == 3 && arguments[0] == "load-postgres") {
      return load(arguments[1], arguments[2]);
    }
    if (arguments.size() == 4 && arguments[0] == "profile") {
      return profile(arguments[1], arguments[2], std::stoi(arguments[3]));
    }
    if (arguments.size() == 3 && arguments[0] == "serve-postgres") {
      return serve(std::stoi(arguments[1]), arguments[2]);
    }
  } catch (const std::exception& error) {
    std::cerr << "search_bench: " << error.what() << "\n";
    return 1;
  }
  std::cerr << "usage: search_bench "
               "generate|queries|build-index|load-postgres|serve-postgres|profile ...\n";
  return 2;
}
