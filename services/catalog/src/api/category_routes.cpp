#include <boost/json.hpp>

#include "api/routes.h"
#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/json.h"
#include "representation/catalog_json.h"

namespace catalog {

void add_category_routes(platform::http::Router& router, CatalogStore& store,
                         const Idempotent& idempotent) {
  router.get("/v1/categories", [&store](platform::http::Request&) {
    boost::json::array items;
    for (const auto& category : store.list_categories()) items.push_back(to_json(category));
    return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
  }, platform::http::public_route());

  router.get("/v1/categories/{id}", [&store](platform::http::Request& request) {
    const auto& key = request.path_parameter("id");
    auto category = store.find_category(key);
    if (!category) throw platform::not_found("category-not-found", "no category " + key);
    return platform::http::json_response(200, to_json(*category));
  }, platform::http::public_route());

  router.post("/v1/categories", idempotent([&store](platform::http::Request& request) {
                platform::http::require_content_type(request, {"application/json"});
                const auto object = platform::json::parse_object(request.body);
                platform::json::ObjectReader body(object);
                const auto slug = body.required_string("slug", {1, 120});
                const auto name = body.required_string("name", {1, 100});
                const auto parent = body.optional_string("parent", {1, 120});
                const auto position =
                    body.optional_integer("position", {.minimum = 0, .maximum = 10000});
                body.finish();
                const auto category = store.create_category(slug, name, parent,
                                                            static_cast<int>(position.value_or(0)));
                auto response = platform::http::json_response(201, to_json(category));
                response.headers.set("Location", "/v1/categories/" + category.id);
                return response;
              }),
              catalog_writers());
}

}  // namespace catalog
