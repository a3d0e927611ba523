// Relevance of the shop's search on the judged Best Buy queries, beside a
// plain BM25 baseline: nDCG@10 and recall@50 per kind of query.
//
//   build/release/services/search/search_relevance [--queries FILE] [--qrels FILE]
//       [--catalog FILE] [--per-query] [--show QUERY_ID]... [--set NAME=VALUE]...
//
// --set changes one setting of the shop's engine, to see what it does: k1,
// b, popularity, in_stock, proximity, relax_below, title, brand, category,
// description.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "bestbuy_catalog.h"
#include "evaluation.h"
#include "platform/log.h"
#include "platform/testing/environment.h"

namespace {

using search::relevance::QueryScores;

void row(const std::string& label, std::size_t queries, const QueryScores& shop,
         const QueryScores& baseline) {
  std::printf("| %-10s | %3zu | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", label.c_str(),
              queries, shop.ndcg_at_10, baseline.ndcg_at_10, shop.recall_at_50,
              baseline.recall_at_50, shop.capped_recall_at_50, baseline.capped_recall_at_50);
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path relevance =
      std::filesystem::path(SHOP_SOURCE_DIR) / "services" / "search" / "relevance";
  std::filesystem::path queries = relevance / "queries.tsv";
  std::filesystem::path qrels = relevance / "qrels.txt";
  std::filesystem::path catalog = search::relevance::bestbuy_catalog_path();
  bool per_query = false;
  std::vector<std::string> shown;  // query ids whose results are printed
  auto setup = search::relevance::shop_engine();
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(argument + " needs a value");
      return argv[++i];
    };
    if (argument == "--queries") {
      queries = value();
    } else if (argument == "--qrels") {
      qrels = value();
    } else if (argument == "--catalog") {
      catalog = value();
    } else if (argument == "--per-query") {
      per_query = true;
    } else if (argument == "--show") {
      shown.push_back(value());
    } else if (argument == "--set") {
      search::relevance::tune(setup, value());
    } else {
      std::cerr << "usage: search_relevance [--queries FILE] [--qrels FILE] [--catalog FILE] "
                   "[--per-query] [--show QUERY_ID]... [--set NAME=VALUE]...\n";
      return 2;
    }
  }
  platform::log::set_level("warn");
  try {
    const auto judgments = search::relevance::read_judgments(queries, qrels);
    const auto products = search::relevance::read_bestbuy_catalog(catalog);
    platform::testing::TemporaryDirectory directory;
    const search::relevance::Engine shop(setup, products, directory.path() / "shop");
    const search::relevance::Engine baseline(search::relevance::plain_bm25_engine(), products,
                                             directory.path() / "baseline");
    const auto shop_scores = search::relevance::evaluate(shop, judgments);
    const auto baseline_scores = search::relevance::evaluate(baseline, judgments);

    std::printf("%zu products, %zu judged queries\n\n", products.size(), judgments.queries.size());
    std::printf(
        "| kind       |   n | nDCG@10 shop | nDCG@10 BM25 | recall@50 shop | recall@50 BM25 "
        "| capped recall@50 shop | capped BM25 |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    std::map<std::string, std::size_t> counts;
    for (const auto& query : judgments.queries) ++counts[query.kind];
    for (const auto& [kind, scores] : shop_scores.by_kind) {
      row(kind, counts[kind], scores, baseline_scores.by_kind.at(kind));
    }
    row("all", judgments.queries.size(), shop_scores.mean, baseline_scores.mean);
    if (per_query) {
      std::printf(
          "\n| query | kind | text | nDCG@10 shop | nDCG@10 BM25 |\n|---|---|---|---:|---:|\n");
      for (const auto& query : judgments.queries) {
        std::printf("| %s | %s | %s | %.3f | %.3f |\n", query.id.c_str(), query.kind.c_str(),
                    query.text.c_str(), shop_scores.by_query.at(query.id).ndcg_at_10,
                    baseline_scores.by_query.at(query.id).ndcg_at_10);
      }
    }
    std::map<std::string, const search::IndexedProduct*> by_id;
    for (const auto& product : products) by_id[product.id] = &product;
    for (const auto& id : shown) {
      for (const auto& query : judgments.queries) {
        if (query.id != id) continue;
        const auto& grades = judgments.grades.at(id);
        for (const auto* engine : {&shop, &baseline}) {
          std::printf("\n%s \"%s\" (%s):\n", id.c_str(), query.text.c_str(),
                      engine->name().c_str());
          for (const auto& document : engine->ranked(query.text, 10)) {
            const auto grade = grades.find(document);
            std::printf("  %d  %s | %s\n", grade == grades.end() ? 0 : grade->second,
                        by_id.at(document)->title.c_str(),
                        by_id.at(document)->category_path.c_str());
          }
        }
      }
    }
  } catch (const std::exception& error) {
    std::cerr << "search_relevance: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
