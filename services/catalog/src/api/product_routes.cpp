#include <boost/json.hpp>

#include "api/product_input.h"
#include "api/routes.h"
#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/json.h"
#include "representation/catalog_json.h"

namespace catalog {
namespace {

using platform::http::Request;
using platform::http::Response;

Response product_response(int status, const Product& product) {
  auto response = platform::http::json_response(status, to_json(product));
  response.headers.set("ETag", platform::http::entity_tag(product.id, product.version));
  return response;
}

// GETs answer 304 when the client already has this version.
Response conditional_product(const Request& request, const std::optional<Product>& product,
                             std::string_view key) {
  if (!product) throw platform::not_found("product-not-found", "no product " + std::string(key));
  const auto etag = platform::http::entity_tag(product->id, product->version);
  if (platform::http::if_none_match(request, etag)) return platform::http::not_modified(etag);
  auto response = product_response(200, *product);
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

}  // namespace

void add_product_routes(platform::http::Router& router, CatalogStore& store) {
  router.get("/v1/products", [&store](Request& request) {
    const auto page = store.list_products(parse_product_query(request));
    boost::json::array items;
    for (const auto& product : page.items) items.push_back(to_json(product));
    boost::json::object body{{"items", std::move(items)}};
    body["next_cursor"] = page.next_cursor ? boost::json::value(*page.next_cursor) : nullptr;
    return platform::http::json_response(200, body);
  });

  router.post("/v1/products", [&store](Request& request) {
    platform::http::require_content_type(request, {"application/json"});
    const auto input = parse_product_create(platform::json::parse_object(request.body));
    const auto product = store.create_product(input.changes, input.stock.value_or(0));
    auto response = product_response(201, product);
    response.headers.set("Location", "/v1/products/" + product.id);
    return response;
  });

  router.get("/v1/products/{id}", [&store](Request& request) {
    const auto& id = request.path_parameter("id");
    return conditional_product(request, store.find_product(id), id);
  });

  router.get("/v1/products/by-slug/{slug}", [&store](Request& request) {
    const auto& slug = request.path_parameter("slug");
    return conditional_product(request, store.find_product_by_slug(slug), slug);
  });

  router.patch("/v1/products/{id}", [&store](Request& request) {
    platform::http::require_content_type(request, {"application/merge-patch+json", "application/json"});
    const auto& id = request.path_parameter("id");
    const auto changes = parse_product_patch(platform::json::parse_object(request.body));
    const auto expected = platform::http::if_match_version(request, id);
    return product_response(200, store.update_product(id, changes, expected));
  });

  router.remove("/v1/products/{id}", [&store](Request& request) {
    store.delete_product(request.path_parameter("id"));
    return Response::empty(204);
  });
}

}  // namespace catalog
