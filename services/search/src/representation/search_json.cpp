#include "representation/search_json.h"

#include <boost/json/array.hpp>

#include "platform/clock.h"

namespace search {
namespace {

boost::json::value time_or_null(std::int64_t millis) {
  if (millis == 0) return nullptr;
  return boost::json::value(platform::format_rfc3339(platform::from_unix_millis(millis)));
}

boost::json::array counts_json(const std::vector<FacetCount>& counts) {
  boost::json::array items;
  for (const auto& count : counts) {
    items.push_back({{"value", count.value}, {"count", count.count}});
  }
  return items;
}

boost::json::object facets_json(const Facets& facets) {
  boost::json::array prices;
  for (const auto& bucket : facets.prices) {
    prices.push_back({{"min", bucket.minimum},
                      {"max", bucket.maximum ? boost::json::value(*bucket.maximum) : nullptr},
                      {"count", bucket.count}});
  }
  return {{"brand", counts_json(facets.brands)},
          {"category", counts_json(facets.categories)},
          {"price", std::move(prices)}};
}

boost::json::value text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return boost::json::value(text);
}

}  // namespace

boost::json::object product_summary_json(const IndexedProduct& product) {
  boost::json::array images;
  for (const auto& image : product.image_ids) images.emplace_back(image);
  return {{"id", product.id},
          {"sku", product.sku},
          {"slug", product.slug},
          {"title", product.title},
          {"brand", product.brand},
          {"category_path", product.category_path},
          {"price", platform::to_json(product.price)},
          {"image_ids", std::move(images)},
          {"in_stock", product.in_stock()},
          {"popularity", product.popularity}};
}

boost::json::object to_json(const SearchRequest& request, const SearchResult& result,
                            const std::optional<std::string>& next_cursor) {
  boost::json::array items;
  for (const auto& hit : result.hits) {
    auto item = product_summary_json(hit.product);
    item["score"] = hit.score;
    if (request.highlight && !hit.title_highlight.empty()) {
      item["highlight"] = {{"title", hit.title_highlight},
                           {"description", text_or_null(hit.description_snippet)}};
    }
    items.push_back(std::move(item));
  }
  boost::json::array corrections;
  for (const auto& correction : result.corrections) {
    corrections.push_back({{"typed", correction.typed}, {"corrected", correction.corrected}});
  }
  boost::json::object body{{"query", request.text},
                           {"corrected_query", text_or_null(result.corrected_text)},
                           {"corrections", std::move(corrections)},
                           {"relaxed", result.relaxed},
                           {"sort", to_string(request.sort)},
                           {"total", result.total},
                           {"total_exact", result.total_exact},
                           {"items", std::move(items)}};
  if (request.facets) body["facets"] = facets_json(result.facets);
  body["next_cursor"] = next_cursor ? boost::json::value(*next_cursor) : nullptr;
  return body;
}

boost::json::object to_json(std::string_view text, const Suggestions& suggestions) {
  boost::json::array queries;
  for (const auto& query : suggestions.queries) {
    queries.push_back({{"text", query.text}, {"products", query.products}});
  }
  boost::json::array products;
  for (const auto& product : suggestions.products)
    products.push_back(product_summary_json(product));
  return {{"query", text},
          {"corrected_query", text_or_null(suggestions.corrected_text)},
          {"suggestions", std::move(queries)},
          {"products", std::move(products)}};
}

boost::json::object to_json(const ReindexStatus& status) {
  return {{"state", to_string(status.state)},
          {"started_at", time_or_null(status.started_at)},
          {"finished_at", time_or_null(status.finished_at)},
          {"products", status.products},
          {"generation", status.generation},
          {"error", text_or_null(status.error)}};
}

}  // namespace search
