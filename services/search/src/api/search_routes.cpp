#include <boost/json/serialize.hpp>

#include "api/routes.h"
#include "api/search_input.h"
#include "platform/http/json_response.h"
#include "representation/search_json.h"

namespace search {
namespace {

using platform::http::Request;
using platform::http::Response;

Response answer(std::string body) {
  auto response = Response::json(200, std::move(body));
  // The index changes with every catalog event: a result may be kept
  // briefly by the browser, never by shared caches.
  response.headers.set("Cache-Control", "private, max-age=5");
  return response;
}

// Keeps the answer for the next identical request, unless the index
// changed since `generation` was read (before searching).
Response keep(platform::ResponseCache& cache, std::uint64_t generation, const Request& request,
              const boost::json::object& body) {
  auto text = boost::json::serialize(body);
  if (cache.enabled()) cache.store(request.target, generation, text);
  return answer(std::move(text));
}

// A cached answer on the I/O thread, or nothing (the handler searches).
platform::http::RouteOptions cached(platform::ResponseCache& cache) {
  return platform::http::with_fast_path(
      [&cache](const Request& request) -> std::optional<Response> {
        if (!cache.enabled()) return std::nullopt;
        const auto entry = cache.find(request.target);
        if (!entry) return std::nullopt;
        return answer(entry->body);
      });
}

std::string result_kind(const SearchResult& result) {
  if (result.total == 0) return "no_hits";
  if (result.relaxed) return "relaxed";
  if (!result.corrections.empty()) return "corrected";
  return "hits";
}

}  // namespace

void add_search_routes(platform::http::Router& router, const Searcher& searcher,
                       platform::metrics::Family<platform::metrics::Counter>& queries,
                       platform::ResponseCache& cache) {
  router.get(
      "/v1/search",
      [&searcher, &queries, &cache](Request& request) {
        const auto generation = cache.generation();
        const auto search = parse_search_request(request);
        const auto result = searcher.search(search);
        queries.with({"search", result_kind(result)}).increment();
        std::optional<std::string> next_cursor;
        if (result.next_offset) next_cursor = search_cursor(search, *result.next_offset);
        return keep(cache, generation, request, to_json(search, result, next_cursor));
      },
      cached(cache));

  router.get(
      "/v1/search/suggest",
      [&searcher, &queries, &cache](Request& request) {
        const auto generation = cache.generation();
        const auto suggest = parse_suggest_request(request);
        const auto suggestions = searcher.suggest(suggest.text, suggest.queries, suggest.products);
        queries.with({"suggest", suggestions.products.empty() ? "no_hits" : "hits"}).increment();
        return keep(cache, generation, request, to_json(suggest.text, suggestions));
      },
      cached(cache));
}

}  // namespace search
