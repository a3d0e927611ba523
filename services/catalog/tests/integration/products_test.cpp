#include <cctype>
#include <cstdio>
#include <set>

#include "catalog_fixture.h"

namespace catalog::testing {
namespace {

using platform::http::Headers;
using platform::http::Method;

class Products : public CatalogTest {};

TEST_P(Products, CreateReadUpdateDeleteWithEtags) {
  create_categories();
  const auto id = create_product("LAMP-1", 4999, 10);
  ASSERT_FALSE(id.empty());

  auto fetched = get("/v1/products/" + id);
  ASSERT_EQ(fetched.status, 200);
  EXPECT_EQ(fetched.body.at("category_path").as_string(), "home/lighting");
  EXPECT_EQ(fetched.body.at("stock").at("available").as_int64(), 10);
  const std::string etag(fetched.headers.get("ETag"));
  ASSERT_FALSE(etag.empty());

  Headers cached;
  cached.set("If-None-Match", etag);
  EXPECT_EQ(get("/v1/products/" + id, cached).status, 304);
  const std::string slug(fetched.body.at("slug").as_string());
  EXPECT_EQ(get("/v1/products/by-slug/" + slug, cached).status, 304);

  Headers if_match;
  if_match.set("If-Match", etag);
  auto patched =
      call(Method::patch, "/v1/products/" + id,
           R"({"title":"Brass Lamp","attributes":{"colour":"brass"},"price":{"amount":5999}})",
           "application/merge-patch+json", if_match);
  ASSERT_EQ(patched.status, 200) << boost::json::serialize(patched.body);
  EXPECT_EQ(patched.body.at("title").as_string(), "Brass Lamp");
  EXPECT_EQ(patched.body.at("price").at("amount").as_int64(), 5999);
  EXPECT_EQ(patched.body.at("price").at("currency").as_string(), "EUR");
  EXPECT_EQ(patched.body.at("version").as_int64(), 2);
  EXPECT_EQ(get("/v1/products/" + id, cached).status, 200) << "old etag must not match";

  // The same stale If-Match again: someone else changed it meanwhile.
  expect_problem(call(Method::patch, "/v1/products/" + id, R"({"title":"Lost update"})",
                      "application/merge-patch+json", if_match),
                 412, "version-mismatch");

  EXPECT_EQ(call(Method::delete_, "/v1/products/" + id).status, 204);
  expect_problem(get("/v1/products/" + id), 404, "product-not-found");
}

TEST_P(Products, RejectsDuplicateSkuAndSlug) {
  create_categories();
  create_product("DUP-1", 100, 1);
  boost::json::object again{{"sku", "DUP-1"},
                            {"title", "Other"},
                            {"brand", "B"},
                            {"category", "lighting"},
                            {"price", {{"amount", 1}, {"currency", "EUR"}}}};
  expect_problem(post("/v1/products", again), 409, "sku-taken");
  again["sku"] = "DUP-2";
  again["slug"] = "lamp-dup-1";
  expect_problem(post("/v1/products", again), 409, "slug-taken");
}

TEST_P(Products, ListsWithFiltersSortingAndCursorPagination) {
  create_categories();
  ASSERT_EQ(post("/v1/categories", {{"slug", "garden"}, {"name", "Garden"}}).status, 201);
  for (int i = 0; i < 25; ++i) {
    create_product("P-" + std::to_string(i), 1000 + i * 100, i % 5 == 0 ? 0 : 3,
                   i % 2 ? "Lumen" : "Glow");
  }
  boost::json::object outside{{"sku", "G-1"},
                              {"title", "Spade"},
                              {"brand", "Lumen"},
                              {"category", "garden"},
                              {"price", {{"amount", 1500}, {"currency", "EUR"}}}};
  ASSERT_EQ(post("/v1/products", outside).status, 201);

  // Walk every page of a sorted, filtered listing: no gaps, no repeats.
  std::vector<std::int64_t> prices;
  std::set<std::string> ids;
  std::string path = "/v1/products?category=home&sort=price_desc&limit=7";
  for (int page = 0; page < 10; ++page) {
    auto reply = get(path);
    ASSERT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
    for (const auto& item : reply.body.at("items").as_array()) {
      prices.push_back(item.at("price").at("amount").as_int64());
      ids.insert(std::string(item.at("id").as_string()));
    }
    if (reply.body.at("next_cursor").is_null()) break;
    path = "/v1/products?category=home&sort=price_desc&limit=7&cursor=" +
           std::string(reply.body.at("next_cursor").as_string());
  }
  EXPECT_EQ(prices.size(), 25u);
  EXPECT_EQ(ids.size(), 25u);
  EXPECT_TRUE(std::is_sorted(prices.rbegin(), prices.rend()));

  auto filtered =
      get("/v1/products?brand=Glow&in_stock=true&min_price=1500&max_price=3000&limit=100");
  ASSERT_EQ(filtered.status, 200);
  for (const auto& item : filtered.body.at("items").as_array()) {
    EXPECT_EQ(item.at("brand").as_string(), "Glow");
    EXPECT_TRUE(item.at("stock").at("in_stock").as_bool());
    EXPECT_GE(item.at("price").at("amount").as_int64(), 1500);
    EXPECT_LE(item.at("price").at("amount").as_int64(), 3000);
  }
  // Glow products are the even i; in stock unless i % 5 == 0; price 1000 + 100 i in [1500, 3000].
  EXPECT_EQ(filtered.body.at("items").as_array().size(), 6u);  // i = 6, 8, 12, 14, 16, 18

  // An unchanged page answers 304 to its own tag.
  auto page = get("/v1/products?category=home&limit=5");
  Headers same;
  same.set("If-None-Match", std::string(page.headers.get("ETag")));
  EXPECT_EQ(get("/v1/products?category=home&limit=5", same).status, 304);
  create_product("P-new", 99, 1);
  EXPECT_EQ(get("/v1/products?category=home&limit=5", same).status, 200) << "the page changed";

  auto garden = get("/v1/products?category=garden");
  ASSERT_EQ(garden.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(get("/v1/products?category=gard").body.at("items").as_array().size(), 0u);
}

TEST_P(Products, DraftsAreHiddenFromDefaultListing) {
  create_categories();
  const auto id = create_product("DRAFT-1", 100, 1);
  ASSERT_EQ(call(Method::patch, "/v1/products/" + id, R"({"status":"draft"})",
                 "application/merge-patch+json")
                .status,
            200);
  EXPECT_EQ(get("/v1/products").body.at("items").as_array().size(), 0u);
  EXPECT_EQ(get("/v1/products?status=draft").body.at("items").as_array().size(), 1u);
}

TEST_P(Products, ImportsJsonLinesReportingBadLines) {
  create_categories();
  const std::string lines =
      R"({"sku":"I-1","title":"One","brand":"B","category":"lighting","price":{"amount":100,"currency":"EUR"},"stock":{"on_hand":4}})"
      "\n\n"
      R"({"sku":"I-2","title":"Two","brand":"B","category":"nowhere","price":{"amount":100,"currency":"EUR"}})"
      "\n"
      "{not json\n"
      R"({"sku":"I-1","title":"One again","brand":"B","category":"lighting","price":{"amount":150,"currency":"EUR"}})"
      "\n";
  auto reply = call(Method::post, "/v1/products/import", lines, "application/x-ndjson");
  ASSERT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("created").as_int64(), 1);
  EXPECT_EQ(reply.body.at("updated").as_int64(), 1);
  EXPECT_EQ(reply.body.at("failed").as_int64(), 2);
  const auto& errors = reply.body.at("errors").as_array();
  EXPECT_EQ(errors[0].at("line").as_int64(), 3);
  EXPECT_EQ(errors[0].at("field").as_string(), "category");
  EXPECT_EQ(errors[1].at("line").as_int64(), 4);
  auto listed = get("/v1/products");
  ASSERT_EQ(listed.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(listed.body.at("items").as_array()[0].at("title").as_string(), "One again");
}

// The cart prices baskets from these two: they must survive every way in.
TEST_P(Products, KeepsTaxCategoryAndWeightThroughCreatePatchAndImport) {
  create_categories();
  const auto plain = create_product("TW-0", 100, 1);
  auto defaults = get("/v1/products/" + plain);
  ASSERT_EQ(defaults.status, 200);
  EXPECT_EQ(defaults.body.at("tax_category").as_string(), "standard");
  EXPECT_EQ(defaults.body.at("weight_grams").as_int64(), 0);

  boost::json::object book{{"sku", "TW-1"},
                           {"title", "Cookbook"},
                           {"brand", "Lantern Press"},
                           {"category", "lighting"},
                           {"price", {{"amount", 2499}, {"currency", "EUR"}}},
                           {"tax_category", "reduced"},
                           {"weight_grams", 850}};
  const auto created = post("/v1/products", book);
  ASSERT_EQ(created.status, 201) << boost::json::serialize(created.body);
  const std::string id(created.body.at("id").as_string());
  auto fetched = get("/v1/products/" + id);
  EXPECT_EQ(fetched.body.at("tax_category").as_string(), "reduced");
  EXPECT_EQ(fetched.body.at("weight_grams").as_int64(), 850);

  // A merge patch of one leaves the other alone.
  auto patched = call(Method::patch, "/v1/products/" + id, R"({"weight_grams":900})",
                      "application/merge-patch+json");
  ASSERT_EQ(patched.status, 200) << boost::json::serialize(patched.body);
  EXPECT_EQ(patched.body.at("weight_grams").as_int64(), 900);
  EXPECT_EQ(patched.body.at("tax_category").as_string(), "reduced");
  patched = call(Method::patch, "/v1/products/" + id, R"({"tax_category":"zero"})",
                 "application/merge-patch+json");
  ASSERT_EQ(patched.status, 200);
  EXPECT_EQ(patched.body.at("tax_category").as_string(), "zero");
  EXPECT_EQ(patched.body.at("weight_grams").as_int64(), 900);
  EXPECT_EQ(patched.body.at("version").as_int64(), 3);

  // Rejected changes name the field and change nothing.
  auto bad = call(Method::patch, "/v1/products/" + id, R"({"tax_category":"luxury"})",
                  "application/merge-patch+json");
  expect_problem(bad, 400, "invalid-field");
  EXPECT_EQ(bad.body.at("field").as_string(), "tax_category");
  bad = call(Method::patch, "/v1/products/" + id, R"({"weight_grams":1000001})",
             "application/merge-patch+json");
  expect_problem(bad, 400, "invalid-field");
  EXPECT_EQ(bad.body.at("field").as_string(), "weight_grams");
  bad = call(Method::patch, "/v1/products/" + id, R"({"weight_grams":null})",
             "application/merge-patch+json");
  expect_problem(bad, 400, "invalid-field");
  EXPECT_EQ(bad.body.at("field").as_string(), "weight_grams");
  EXPECT_EQ(get("/v1/products/" + id).body.at("version").as_int64(), 3);

  // Import: a new product with both, an update of one, two bad lines.
  const std::string lines =
      R"({"sku":"TW-2","title":"Atlas","brand":"B","category":"lighting","price":{"amount":100,"currency":"EUR"},"tax_category":"reduced","weight_grams":600})"
      "\n"
      R"({"sku":"TW-1","title":"Cookbook","brand":"Lantern Press","category":"lighting","price":{"amount":2499,"currency":"EUR"},"weight_grams":1000000})"
      "\n"
      R"({"sku":"TW-3","title":"T","brand":"B","category":"lighting","price":{"amount":1,"currency":"EUR"},"tax_category":"luxury"})"
      "\n"
      R"({"sku":"TW-4","title":"T","brand":"B","category":"lighting","price":{"amount":1,"currency":"EUR"},"weight_grams":-5})"
      "\n";
  auto imported = call(Method::post, "/v1/products/import", lines, "application/x-ndjson");
  ASSERT_EQ(imported.status, 200) << boost::json::serialize(imported.body);
  EXPECT_EQ(imported.body.at("created").as_int64(), 1);
  EXPECT_EQ(imported.body.at("updated").as_int64(), 1);
  const auto& errors = imported.body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("line").as_int64(), 3);
  EXPECT_EQ(errors[0].at("field").as_string(), "tax_category");
  EXPECT_EQ(errors[1].at("line").as_int64(), 4);
  EXPECT_EQ(errors[1].at("field").as_string(), "weight_grams");

  fetched = get("/v1/products/" + id);
  EXPECT_EQ(fetched.body.at("weight_grams").as_int64(), 1'000'000);
  EXPECT_EQ(fetched.body.at("tax_category").as_string(), "zero") << "absent from the line: kept";
  auto listed = get("/v1/products?sort=title&limit=100");
  ASSERT_EQ(listed.status, 200);
  const auto& items = listed.body.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);  // Atlas, Cookbook, Lamp TW-0
  EXPECT_EQ(items[0].at("sku").as_string(), "TW-2");
  EXPECT_EQ(items[0].at("tax_category").as_string(), "reduced");
  EXPECT_EQ(items[0].at("weight_grams").as_int64(), 600);
}

TEST_P(Products, ListsTheProductsNamedByIds) {
  create_categories();
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) {
    ids.push_back(create_product("ID-" + std::to_string(i), 100 + i, 1, i % 2 ? "Lumen" : "Glow"));
  }
  ASSERT_EQ(call(Method::patch, "/v1/products/" + ids[1], R"({"status":"archived"})",
                 "application/merge-patch+json")
                .status,
            200);
  ASSERT_EQ(call(Method::patch, "/v1/products/" + ids[2], R"({"status":"draft"})",
                 "application/merge-patch+json")
                .status,
            200);
  const std::string unknown = "0192d3c4-0000-7000-8000-000000000000";
  auto skus_of = [&](const std::string& query) {
    auto reply = get("/v1/products?" + query);
    EXPECT_EQ(reply.status, 200) << query << " " << boost::json::serialize(reply.body);
    std::set<std::string> skus;
    if (reply.status != 200) return skus;
    for (const auto& item : reply.body.at("items").as_array()) {
      skus.insert(std::string(item.at("sku").as_string()));
    }
    return skus;
  };
  const auto named = "ids=" + ids[0] + "," + ids[1] + "," + ids[2] + "," + ids[3] + "," + unknown;

  EXPECT_EQ(skus_of(named), (std::set<std::string>{"ID-0", "ID-3"})) << "active by default";
  EXPECT_EQ(skus_of(named + "&status=any"),
            (std::set<std::string>{"ID-0", "ID-1", "ID-2", "ID-3"}));
  EXPECT_EQ(skus_of(named + "&status=archived"), (std::set<std::string>{"ID-1"}));
  EXPECT_EQ(skus_of(named + "&status=any&brand=Lumen"), (std::set<std::string>{"ID-1", "ID-3"}));
  EXPECT_EQ(skus_of(named + "&status=any&min_price=102"), (std::set<std::string>{"ID-2", "ID-3"}));
  EXPECT_EQ(skus_of("ids=" + unknown), (std::set<std::string>{}));
  // Repeated, upper-cased and duplicated ids name the same products.
  std::string upper = ids[5];
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(skus_of("ids=" + ids[4] + "&ids=" + upper + "," + ids[4]),
            (std::set<std::string>{"ID-4", "ID-5"}));

  // Pages still work when the caller asks for smaller ones.
  auto first = get("/v1/products?" + named + "&status=any&sort=price_asc&limit=3");
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(first.body.at("items").as_array().size(), 3u);
  ASSERT_FALSE(first.body.at("next_cursor").is_null());
  auto second = get("/v1/products?" + named + "&status=any&sort=price_asc&limit=3&cursor=" +
                    std::string(first.body.at("next_cursor").as_string()));
  ASSERT_EQ(second.status, 200);
  ASSERT_EQ(second.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(second.body.at("items").as_array()[0].at("sku").as_string(), "ID-3");
  EXPECT_TRUE(second.body.at("next_cursor").is_null());

  // A cart's worth: 100 ids, most unknown, all on the default page.
  std::string hundred = "ids=" + named.substr(4);
  for (int i = 1; i <= 95; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "0192d3c4-0000-7000-8000-%012d", i);
    hundred += "," + std::string(id);
  }
  auto many = get("/v1/products?" + hundred + "&status=any");
  ASSERT_EQ(many.status, 200) << boost::json::serialize(many.body);
  EXPECT_EQ(many.body.at("items").as_array().size(), 4u);
  EXPECT_TRUE(many.body.at("next_cursor").is_null());

  for (const auto& bad : {hundred + "," + ids[5], std::string("ids="), std::string("ids=nope"),
                          "ids=" + ids[0] + ",", "ids=" + ids[0] + ",%20" + ids[3]}) {
    SCOPED_TRACE(bad);
    auto reply = get("/v1/products?" + bad);
    expect_problem(reply, 400, "invalid-field");
    EXPECT_EQ(reply.body.at("field").as_string(), "ids");
  }
}

TEST_P(Products, AdjustsInventoryButNeverBelowReserved) {
  create_categories();
  const auto id = create_product("INV-1", 100, 5);
  auto adjusted =
      post("/v1/products/" + id + "/inventory/adjustments", {{"delta", 7}, {"reason", "delivery"}});
  ASSERT_EQ(adjusted.status, 200);
  EXPECT_EQ(adjusted.body.at("on_hand").as_int64(), 12);
  ASSERT_EQ(post("/v1/reservations",
                 {{"order_id", "o-1"}, {"lines", {{{"product_id", id}, {"quantity", 10}}}}})
                .status,
            201);
  expect_problem(post("/v1/products/" + id + "/inventory/adjustments", {{"delta", -3}}), 409,
                 "stock-below-reserved");
  EXPECT_EQ(get("/v1/products/" + id + "/inventory").body.at("available").as_int64(), 2);
  expect_problem(post("/v1/products/not-there/inventory/adjustments", {{"delta", 1}}), 404,
                 "product-not-found");
}

TEST_P(Products, IdempotencyKeyMakesRetriesHarmless) {
  create_categories();
  const std::string body =
      R"({"sku":"IDEM-1","title":"Lamp","brand":"B","category":"lighting","price":{"amount":100,"currency":"EUR"},"stock":{"on_hand":1}})";
  Headers key;
  key.set("Idempotency-Key", "create-idem-1");
  const auto first = call(Method::post, "/v1/products", body, "application/json", key);
  const auto retry = call(Method::post, "/v1/products", body, "application/json", key);
  ASSERT_EQ(first.status, 201) << boost::json::serialize(first.body);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.headers.get("Idempotent-Replayed"), "true");
  EXPECT_EQ(retry.headers.get("Location"), first.headers.get("Location"));
  EXPECT_EQ(get("/v1/products").body.at("items").as_array().size(), 1u);

  const auto other =
      R"({"sku":"IDEM-2","title":"Other","brand":"B","category":"lighting","price":{"amount":1,"currency":"EUR"}})";
  expect_problem(call(Method::post, "/v1/products", other, "application/json", key), 422,
                 "idempotency-key-reused");

  // Adjustments are relative, so a retried one must not count twice.
  const std::string id(first.body.at("id").as_string());
  Headers adjust_key;
  adjust_key.set("Idempotency-Key", "delivery-4711");
  for (int attempt = 0; attempt < 3; ++attempt) {
    EXPECT_EQ(call(Method::post, "/v1/products/" + id + "/inventory/adjustments", R"({"delta":10})",
                   "application/json", adjust_key)
                  .status,
              200);
  }
  EXPECT_EQ(get("/v1/products/" + id + "/inventory").body.at("on_hand").as_int64(), 11);

  // A failed first attempt is forgotten: the retry runs again.
  Headers failing_key;
  failing_key.set("Idempotency-Key", "fails-first");
  const auto bad =
      R"({"sku":"IDEM-3","title":"T","brand":"B","category":"nowhere","price":{"amount":1,"currency":"EUR"}})";
  expect_problem(call(Method::post, "/v1/products", bad, "application/json", failing_key), 400,
                 "invalid-field");
  expect_problem(call(Method::post, "/v1/products", bad, "application/json", failing_key), 400,
                 "invalid-field");
  expect_problem(call(Method::post, "/v1/products", body), 409, "sku-taken");
}

INSTANTIATE_TEST_SUITE_P(Backends, Products,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace catalog::testing
