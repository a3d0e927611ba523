#include "platform/http/router.h"

#include <gtest/gtest.h>

#include "platform/error.h"

using namespace platform::http;

namespace {
Handler named(std::string name) {
  return [name](Request&) { return Response::text(200, name); };
}
}  // namespace

TEST(Router, MatchesLiteralsBeforeParameters) {
  Router router;
  router.get("/v1/products/{id}", named("by-id"), public_route());
  router.get("/v1/products/by-slug/{slug}", named("by-slug"), public_route());
  router.get("/v1/products", named("list"), public_route());

  auto by_slug = router.match(Method::get, "/v1/products/by-slug/red-lamp");
  ASSERT_NE(by_slug.route, nullptr);
  EXPECT_EQ(by_slug.route->pattern, "/v1/products/by-slug/{slug}");
  EXPECT_EQ(by_slug.parameters.at(0).second, "red-lamp");

  auto by_id = router.match(Method::get, "/v1/products/abc%20def");
  ASSERT_NE(by_id.route, nullptr);
  EXPECT_EQ(by_id.parameters.at(0), (std::pair<std::string, std::string>{"id", "abc def"}));

  EXPECT_NE(router.match(Method::get, "/v1/products").route, nullptr);
  EXPECT_EQ(router.match(Method::get, "/v1/products/").route, nullptr);
  EXPECT_EQ(router.match(Method::get, "/v1/nothing").route, nullptr);
  EXPECT_FALSE(router.match(Method::get, "/v1/nothing").path_exists);
}

TEST(Router, ReportsAllowedMethodsAndHeadFallsBackToGet) {
  Router router;
  router.get("/v1/items/{id}", named("get"), public_route());
  router.remove("/v1/items/{id}", named("delete"), public_route());
  auto post = router.match(Method::post, "/v1/items/1");
  EXPECT_EQ(post.route, nullptr);
  EXPECT_TRUE(post.path_exists);
  EXPECT_EQ(post.allowed.size(), 2u);
  EXPECT_NE(router.match(Method::head, "/v1/items/1").route, nullptr);
}

TEST(Router, RejectsConflictsAndMountsUnderPrefix) {
  Router router;
  router.get("/v1/a/{id}", named("a"), public_route());
  EXPECT_THROW(router.get("/v1/a/{id}", named("again"), public_route()), platform::Error);
  EXPECT_THROW(router.get("/v1/a/{other}/x", named("other"), public_route()), platform::Error);
  EXPECT_THROW(router.get("no-slash", named("bad"), public_route()), platform::Error);

  Router outer;
  outer.mount("/api/catalog", router);
  auto match = outer.match(Method::get, "/api/catalog/v1/a/7");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/catalog/v1/a/{id}");
}
