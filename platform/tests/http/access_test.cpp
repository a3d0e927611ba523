#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "platform/http/authorization.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/tokens.h"

using namespace platform::http;
using platform::testing::TestIssuer;

namespace {

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    router.use_token_verifier(issuer_.verifier());
    const auto whoami = [](Request& request) {
      return Response::text(200, caller_of(request).subject);
    };
    router.get(
        "/public", [](Request&) { return Response::text(200, "hello"); }, public_route());
    router.get("/signed-in", whoami);
    router.get("/users", whoami, requires_access(Access::user()));
    router.get(
        "/guest-or-user",
        [](Request& request) {
          return Response::text(200, request.caller ? request.caller->subject : "guest");
        },
        requires_access(Access::guest_or_user()));
    router.post("/admin", whoami, requires_access(Access::role("admin")));
    router.post("/reserve", whoami,
                requires_access(Access::role("admin").or_scope("catalog.reservations")));
    router.get("/customers/{id}", [](Request& request) {
      require_owner_or_admin(request, request.path_parameter("id"));
      return Response::text(200, "profile of " + request.path_parameter("id"));
    });
    ServerOptions options;
    options.access_log = false;
    server_ = std::make_unique<Server>(options, std::move(router), registry_);
    server_->start();
  }
  void TearDown() override { server_->stop(std::chrono::seconds(1)); }

  Response call(Method method, const std::string& path, const std::string& authorization = {}) {
    ClientRequest request;
    request.method = method;
    request.url = "http://127.0.0.1:" + std::to_string(server_->port()) + path;
    if (!authorization.empty()) request.headers.set("Authorization", authorization);
    return client_.send(std::move(request));
  }

  static std::string problem_type(const Response& response) {
    return std::string(boost::json::parse(response.body).at("type").as_string());
  }

  TestIssuer issuer_;
  platform::metrics::Registry registry_;
  std::unique_ptr<Server> server_;
  Client client_;
};

TEST_F(AccessTest, PublicRoutesNeedNoToken) { EXPECT_EQ(call(Method::get, "/public").status, 200); }

TEST_F(AccessTest, AMissingTokenIs401WithABearerChallenge) {
  const auto response = call(Method::get, "/signed-in");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.headers.get("Content-Type"), "application/problem+json");
  EXPECT_EQ(problem_type(response), "/problems/unauthenticated");
  EXPECT_EQ(response.headers.get("WWW-Authenticate"), "Bearer realm=\"shop\"");
}

TEST_F(AccessTest, AMalformedOrInvalidTokenIs401InvalidToken) {
  const std::vector<std::string> headers{"Basic dXNlcjpwYXNz", "Bearer", "Bearer not.a.token",
                                         "Bearer " + std::string(9000, 'x')};
  for (const auto& header : headers) {
    const auto response = call(Method::get, "/signed-in", header);
    EXPECT_EQ(response.status, 401) << header.substr(0, 30);
    EXPECT_EQ(problem_type(response), "/problems/invalid-token");
    EXPECT_NE(response.headers.get("WWW-Authenticate").find("error="), std::string::npos);
  }
  auto expired = issuer_.claims_for("user-1");
  expired["exp"] = 1000;
  EXPECT_EQ(call(Method::get, "/signed-in", "Bearer " + issuer_.sign(expired)).status, 401);
}

TEST_F(AccessTest, AValidTokenReachesTheHandlerWithItsCaller) {
  const auto response =
      call(Method::get, "/signed-in", "bearer " + issuer_.user_token("user-7"));  // any case
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "user-7");
}

TEST_F(AccessTest, RolesAndScopesAreEnforcedWith403) {
  const auto customer = "Bearer " + issuer_.user_token("user-1");
  const auto admin = "Bearer " + issuer_.admin_token("admin-1");
  const auto orders = "Bearer " + issuer_.service_token("orders", "catalog.reservations");
  const auto search = "Bearer " + issuer_.service_token("search", "catalog.read");

  const auto refused = call(Method::post, "/admin", customer);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(problem_type(refused), "/problems/forbidden");
  EXPECT_EQ(call(Method::post, "/admin", admin).status, 200);
  EXPECT_EQ(call(Method::post, "/admin", orders).status, 403);

  EXPECT_EQ(call(Method::post, "/reserve", orders).status, 200);
  EXPECT_EQ(call(Method::post, "/reserve", admin).status, 200);
  const auto wrong_scope = call(Method::post, "/reserve", search);
  EXPECT_EQ(wrong_scope.status, 403);
  EXPECT_NE(wrong_scope.headers.get("WWW-Authenticate").find("insufficient_scope"),
            std::string::npos);
  EXPECT_EQ(call(Method::post, "/reserve", customer).status, 403);

  EXPECT_EQ(call(Method::get, "/users", customer).status, 200);
  EXPECT_EQ(call(Method::get, "/users", orders).status, 403) << "a service is not a user";
}

TEST_F(AccessTest, AnOptionalTokenIsVerifiedWhenSentAndGuestsPassWithout) {
  EXPECT_EQ(call(Method::get, "/guest-or-user").body, "guest");
  EXPECT_EQ(call(Method::get, "/guest-or-user", "Bearer " + issuer_.user_token("user-3")).body,
            "user-3");
  const auto forged = call(Method::get, "/guest-or-user", "Bearer not.a.token");
  EXPECT_EQ(forged.status, 401) << "a bad token is refused, never taken for a guest";
  EXPECT_EQ(problem_type(forged), "/problems/invalid-token");
  EXPECT_EQ(call(Method::get, "/guest-or-user",
                 "Bearer " + issuer_.service_token("search", "catalog.read"))
                .status,
            403);
}

TEST_F(AccessTest, AServiceCannotPassForAnAdminByNamingTheRole) {
  auto claims = issuer_.claims_for("orders");
  claims["client_id"] = "orders";
  claims["roles"] = {"admin"};
  EXPECT_EQ(call(Method::post, "/admin", "Bearer " + issuer_.sign(claims)).status, 403);
}

TEST_F(AccessTest, OwnersAndAdminsReachAResourceOthersDoNot) {
  EXPECT_EQ(call(Method::get, "/customers/u-a", "Bearer " + issuer_.user_token("u-a")).status, 200);
  const auto other = call(Method::get, "/customers/u-a", "Bearer " + issuer_.user_token("u-b"));
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(call(Method::get, "/customers/u-a", "Bearer " + issuer_.admin_token()).status, 200);
}

TEST(RouterAccess, RefusesRoutesThatWouldBeHoles) {
  Router router;
  EXPECT_THROW(router.get("/private", [](Request&) { return Response::empty(204); }),
               std::logic_error)
      << "a token is required but nothing can verify it";
  TestIssuer issuer;
  router.use_token_verifier(issuer.verifier());
  auto options = requires_access(Access::role("admin"));
  options.fast_path = [](Request&) -> std::optional<Response> { return std::nullopt; };
  EXPECT_THROW(router.get(
                   "/cached", [](Request&) { return Response::empty(204); }, options),
               std::logic_error)
      << "a fast path would skip the check";
}

}  // namespace
