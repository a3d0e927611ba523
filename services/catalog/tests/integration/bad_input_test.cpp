#include "catalog_fixture.h"

namespace catalog::testing {
namespace {

using platform::http::Method;

struct BadRequest {
  const char* name;
  Method method;
  std::string path;  // {product} and {reservation} are replaced by real ids
  std::string body;
  std::string content_type;
  int status;
  const char* code;
};

// Every route of the catalog, each with the ways a client can get it wrong.
std::vector<BadRequest> bad_requests() {
  const std::string valid_product =
      R"({"sku":"X-1","title":"T","brand":"B","category":"lighting","price":{"amount":1,"currency":"EUR"}})";
  const std::string huge(300 * 1024, 'a');
  std::string too_many_ids = "{product}";
  for (int i = 0; i < 100; ++i) too_many_ids += ",{product}";
  return {
      {"list unknown parameter", Method::get, "/v1/products?colour=red", "", "", 400,
       "unknown-parameter"},
      {"list bad limit", Method::get, "/v1/products?limit=0", "", "", 400, "invalid-field"},
      {"list limit not a number", Method::get, "/v1/products?limit=ten", "", "", 400,
       "invalid-field"},
      {"list bad sort", Method::get, "/v1/products?sort=random", "", "", 400, "invalid-field"},
      {"list bad cursor", Method::get, "/v1/products?cursor=%00%01", "", "", 400, "invalid-field"},
      {"list bad in_stock", Method::get, "/v1/products?in_stock=maybe", "", "", 400,
       "invalid-field"},
      {"list negative price", Method::get, "/v1/products?min_price=-5", "", "", 400,
       "invalid-field"},
      {"list ids not uuids", Method::get, "/v1/products?ids=1,2", "", "", 400, "invalid-field"},
      {"list ids empty", Method::get, "/v1/products?ids=&status=any", "", "", 400, "invalid-field"},
      {"list too many ids", Method::get, "/v1/products?ids=" + too_many_ids, "", "", 400,
       "invalid-field"},
      {"create malformed", Method::post, "/v1/products", "{\"sku\":", "application/json", 400,
       "malformed-json"},
      {"create not object", Method::post, "/v1/products", "[1,2]", "application/json", 400,
       "malformed-json"},
      {"create empty body", Method::post, "/v1/products", "", "application/json", 400,
       "malformed-json"},
      {"create wrong type", Method::post, "/v1/products",
       R"({"sku":5,"title":"T","brand":"B","category":"lighting","price":{"amount":1,"currency":"EUR"}})",
       "application/json", 400, "invalid-field"},
      {"create unknown field", Method::post, "/v1/products",
       valid_product.substr(0, valid_product.size() - 1) + R"(,"colour":"red"})",
       "application/json", 400, "unknown-field"},
      {"create float price", Method::post, "/v1/products",
       R"({"sku":"X","title":"T","brand":"B","category":"lighting","price":{"amount":1.5,"currency":"EUR"}})",
       "application/json", 400, "invalid-field"},
      {"create huge price", Method::post, "/v1/products",
       R"({"sku":"X","title":"T","brand":"B","category":"lighting","price":{"amount":99999999999999999999,"currency":"EUR"}})",
       "application/json", 400, "invalid-field"},
      {"create unknown tax category", Method::post, "/v1/products",
       valid_product.substr(0, valid_product.size() - 1) + R"(,"tax_category":"luxury"})",
       "application/json", 400, "invalid-field"},
      {"create too heavy", Method::post, "/v1/products",
       valid_product.substr(0, valid_product.size() - 1) + R"(,"weight_grams":1000001})",
       "application/json", 400, "invalid-field"},
      {"create fractional weight", Method::post, "/v1/products",
       valid_product.substr(0, valid_product.size() - 1) + R"(,"weight_grams":0.5})",
       "application/json", 400, "invalid-field"},
      {"create wrong content type", Method::post, "/v1/products", valid_product, "text/plain", 415,
       "unsupported-media-type"},
      {"create oversized", Method::post, "/v1/products", "{\"sku\":\"" + huge + "\"}",
       "application/json", 413, "body-too-large"},
      {"create deep nesting", Method::post, "/v1/products",
       std::string(100, '[') + std::string(100, ']'), "application/json", 400, "malformed-json"},
      {"get unknown id", Method::get, "/v1/products/0192d3c4-0000-7000-8000-000000000000", "", "",
       404, "product-not-found"},
      {"get id with traversal", Method::get, "/v1/products/..%2F..%2Fetc%2Fpasswd", "", "", 404,
       "product-not-found"},
      {"get unknown slug", Method::get, "/v1/products/by-slug/nope", "", "", 404,
       "product-not-found"},
      {"patch unknown", Method::patch, "/v1/products/nope", R"({"title":"x"})",
       "application/merge-patch+json", 404, "product-not-found"},
      {"patch read-only", Method::patch, "/v1/products/{product}", R"({"id":"other"})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch null title", Method::patch, "/v1/products/{product}", R"({"title":null})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch bad status", Method::patch, "/v1/products/{product}", R"({"status":"gone"})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch bad tax category", Method::patch, "/v1/products/{product}",
       R"({"tax_category":"Standard"})", "application/merge-patch+json", 400, "invalid-field"},
      {"patch negative weight", Method::patch, "/v1/products/{product}", R"({"weight_grams":-1})",
       "application/merge-patch+json", 400, "invalid-field"},
      {"patch null tax category", Method::patch, "/v1/products/{product}",
       R"({"tax_category":null})", "application/merge-patch+json", 400, "invalid-field"},
      {"patch no content type", Method::patch, "/v1/products/{product}", R"({"title":"x"})", "",
       415, "unsupported-media-type"},
      {"delete unknown", Method::delete_, "/v1/products/nope", "", "", 404, "product-not-found"},
      {"method not allowed", Method::put, "/v1/products/{product}", "{}", "application/json", 405,
       "method-not-allowed"},
      {"import wrong type", Method::post, "/v1/products/import", "{}", "application/json", 415,
       "unsupported-media-type"},
      {"inventory unknown", Method::get, "/v1/products/nope/inventory", "", "", 404,
       "product-not-found"},
      {"adjust wrong type", Method::post, "/v1/products/{product}/inventory/adjustments",
       R"({"delta":"5"})", "application/json", 400, "invalid-field"},
      {"adjust missing", Method::post, "/v1/products/{product}/inventory/adjustments", "{}",
       "application/json", 400, "invalid-field"},
      {"category missing name", Method::post, "/v1/categories", R"({"slug":"x"})",
       "application/json", 400, "invalid-field"},
      {"category bad slug", Method::post, "/v1/categories", R"({"slug":"Not Slug","name":"x"})",
       "application/json", 400, "invalid-field"},
      {"category unknown parent", Method::post, "/v1/categories",
       R"({"slug":"x","name":"x","parent":"none"})", "application/json", 400, "invalid-field"},
      {"category unknown", Method::get, "/v1/categories/none", "", "", 404, "category-not-found"},
      {"reserve no lines", Method::post, "/v1/reservations", R"({"order_id":"o","lines":[]})",
       "application/json", 400, "invalid-field"},
      {"reserve lines not array", Method::post, "/v1/reservations",
       R"({"order_id":"o","lines":{}})", "application/json", 400, "invalid-field"},
      {"reserve zero quantity", Method::post, "/v1/reservations",
       R"({"order_id":"o","lines":[{"product_id":"{product}","quantity":0}]})", "application/json",
       400, "invalid-field"},
      {"reserve hold too long", Method::post, "/v1/reservations",
       R"({"order_id":"o","hold_seconds":999999,"lines":[{"product_id":"{product}","quantity":1}]})",
       "application/json", 400, "invalid-field"},
      {"reservation unknown", Method::get, "/v1/reservations/nope", "", "", 404,
       "reservation-not-found"},
      {"confirm unknown", Method::post, "/v1/reservations/nope/confirm", "", "", 404,
       "reservation-not-found"},
      {"release unknown", Method::post, "/v1/reservations/nope/release", "", "", 404,
       "reservation-not-found"},
      {"unknown route", Method::get, "/v1/nothing", "", "", 404, "route-not-found"},
  };
}

class BadInput : public CatalogTest {};

TEST_P(BadInput, EveryRouteAnswersBadRequestsWithProblems) {
  create_categories();
  const auto product = create_product("OK-1", 100, 3);
  for (auto bad : bad_requests()) {
    SCOPED_TRACE(bad.name);
    for (auto* text : {&bad.path, &bad.body}) {
      for (auto at = text->find("{product}"); at != std::string::npos;
           at = text->find("{product}")) {
        text->replace(at, 9, product);
      }
    }
    const auto reply = call(bad.method, bad.path, bad.body, bad.content_type);
    expect_problem(reply, bad.status, bad.code);
  }
  // Nothing above changed the product.
  auto unchanged = get("/v1/products/" + product);
  EXPECT_EQ(unchanged.body.at("version").as_int64(), 1);
  EXPECT_EQ(unchanged.body.at("stock").at("reserved").as_int64(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, BadInput,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace catalog::testing
