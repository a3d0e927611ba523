#include <boost/json.hpp>
#include <cstdio>
#include <functional>

#include "api/product_input.h"
#include "api/routes.h"
#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/json.h"
#include "representation/catalog_json.h"

namespace catalog {
namespace {

using platform::ResponseCache;
using platform::http::Request;
using platform::http::Response;

Response product_response(int status, const Product& product) {
  auto response = platform::http::json_response(status, to_json(product));
  response.headers.set("ETag", platform::http::entity_tag(product.id, product.version));
  return response;
}

// GETs answer 304 when the client already has this version.
Response conditional(const Request& request, std::string body, const std::string& etag) {
  if (platform::http::if_none_match(request, etag)) return platform::http::not_modified(etag);
  auto response = Response::json(200, std::move(body));
  response.headers.set("ETag", etag);
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

// The fast path of a cached GET: a hit never leaves the I/O thread.
platform::http::RouteOptions cached(ResponseCache& cache, std::string (*key_of)(const Request&)) {
  return platform::http::with_fast_path(
      [&cache, key_of](Request& request) -> std::optional<Response> {
        const auto entry = cache.find(key_of(request));
        if (!entry) return std::nullopt;
        return conditional(request, entry->body, entry->etag);
      });
}

// A list has no version of its own; its tag is a digest of the page, so an
// unchanged page still answers 304. Weak: equal pages, not equal bytes on the wire.
std::string content_tag(std::string_view body) {
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016zx", std::hash<std::string_view>{}(body));
  return "W/\"" + std::string(digest) + "\"";
}

std::string id_key(const Request& request) { return "id:" + request.path_parameter("id"); }
std::string slug_key(const Request& request) { return "slug:" + request.path_parameter("slug"); }
std::string list_key(const Request& request) {
  return "list:" + request.target.substr(request.target.find('?') + 1);
}

Response product_read(const Request& request, ResponseCache& cache, std::uint64_t generation,
                      const std::optional<Product>& product, const std::string& key,
                      std::string_view name) {
  if (!product) throw platform::not_found("product-not-found", "no product " + std::string(name));
  const auto etag = platform::http::entity_tag(product->id, product->version);
  auto body = boost::json::serialize(to_json(*product));
  cache.store(key, generation, body, etag);
  return conditional(request, std::move(body), etag);
}

}  // namespace

void add_product_routes(platform::http::Router& router, CatalogStore& store, ResponseCache& cache,
                        const Idempotent& idempotent) {
  router.get(
      "/v1/products",
      [&store, &cache](Request& request) {
        const auto query = parse_product_query(request);
        const auto generation = cache.generation();
        const auto page = store.list_products(query);
        boost::json::array items;
        for (const auto& product : page.items) items.push_back(to_json(product));
        boost::json::object body{{"items", std::move(items)}};
        body["next_cursor"] = page.next_cursor ? boost::json::value(*page.next_cursor) : nullptr;
        auto text = boost::json::serialize(body);
        const auto etag = content_tag(text);
        cache.store(list_key(request), generation, text, etag);
        return conditional(request, std::move(text), etag);
      },
      cached(cache, list_key));

  router.post("/v1/products", idempotent([&store](Request& request) {
                platform::http::require_content_type(request, {"application/json"});
                const auto input = parse_product_create(platform::json::parse_object(request.body));
                const auto product = store.create_product(input.changes, input.stock.value_or(0));
                auto response = product_response(201, product);
                response.headers.set("Location", "/v1/products/" + product.id);
                return response;
              }),
              catalog_writers());

  router.get(
      "/v1/products/{id}",
      [&store, &cache](Request& request) {
        const auto& id = request.path_parameter("id");
        const auto generation = cache.generation();
        return product_read(request, cache, generation, store.find_product(id), id_key(request),
                            id);
      },
      cached(cache, id_key));

  router.get(
      "/v1/products/by-slug/{slug}",
      [&store, &cache](Request& request) {
        const auto& slug = request.path_parameter("slug");
        const auto generation = cache.generation();
        return product_read(request, cache, generation, store.find_product_by_slug(slug),
                            slug_key(request), slug);
      },
      cached(cache, slug_key));

  router.patch("/v1/products/{id}", [&store](Request& request) {
    platform::http::require_content_type(request,
                                         {"application/merge-patch+json", "application/json"});
    const auto& id = request.path_parameter("id");
    const auto changes = parse_product_patch(platform::json::parse_object(request.body));
    const auto expected = platform::http::if_match_version(request, id);
    return product_response(200, store.update_product(id, changes, expected));
  }, catalog_writers());

  router.remove("/v1/products/{id}", [&store](Request& request) {
    store.delete_product(request.path_parameter("id"));
    return Response::empty(204);
  }, catalog_writers());
}

}  // namespace catalog
