// Account administration, throttling, key rotation and erasure.
#include <boost/json.hpp>

#include "auth_fixture.h"
#include "platform/auth/jwt.h"
#include "platform/bus/event.h"
#include "platform/crypto.h"

namespace auth::testing {
namespace {

using platform::http::Method;

class Accounts : public AuthTest {
 protected:
  platform::http::Response call(Method method, const std::string& path, const std::string& token,
                                const std::string& body = {}) {
    platform::http::ClientRequest request;
    request.method = method;
    request.url = url(path);
    if (!token.empty()) request.headers.set("Authorization", "Bearer " + token);
    if (!body.empty()) request.headers.set("Content-Type", "application/json");
    request.body = body;
    return client_.send(std::move(request));
  }

  std::string admin_token() {
    Browser browser;
    const auto flow = new_flow();
    const auto code = sign_in_for_code(browser, flow, kAdminEmail, kAdminPassword);
    return std::string(json(exchange(code, flow)).at("access_token").as_string());
  }
};

TEST_P(Accounts, TheSeededAdminIsAnAdmin) {
  const auto caller = service_->provider().verifier()->verify(admin_token());
  EXPECT_TRUE(caller.is_admin());
}

TEST_P(Accounts, UsersSeeThemselvesAdminsSeeEveryone) {
  const auto ann = sign_up_customer("ann@example.com");
  const auto bob = sign_up_customer("bob@example.com");
  const std::string ann_token(ann.at("access_token").as_string());
  const std::string bob_token(bob.at("access_token").as_string());
  const auto ann_id = service_->provider().verifier()->verify(ann_token).subject;

  const auto me = call(Method::get, "/v1/users/me", ann_token);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(json(me).at("email").as_string(), "ann@example.com");
  EXPECT_EQ(call(Method::get, "/v1/users/" + ann_id, ann_token).status, 200);
  const auto other = call(Method::get, "/v1/users/" + ann_id, bob_token);
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.headers.get("Content-Type"), "application/problem+json");
  EXPECT_EQ(call(Method::get, "/v1/users?email=ann%40example.com", bob_token).status, 403);
  EXPECT_EQ(call(Method::get, "/v1/users/" + ann_id, "").status, 401);

  const auto admin = admin_token();
  const auto found = call(Method::get, "/v1/users?email=ANN%40example.com", admin);
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(json(found).at("items").as_array().size(), 0u) << "the lookup takes the stored form";
  const auto exact = call(Method::get, "/v1/users?email=ann%40example.com", admin);
  EXPECT_EQ(json(exact).at("items").at(0).at("id").as_string(), ann_id);
  EXPECT_EQ(call(Method::get, "/v1/users/" + ann_id, admin).status, 200);
}

TEST_P(Accounts, AdminsGrantRolesThatNewTokensCarry) {
  const auto ann = sign_up_customer("staff@example.com");
  const auto ann_id =
      service_->provider().verifier()->verify(ann.at("access_token").as_string()).subject;
  const auto admin = admin_token();
  EXPECT_EQ(call(Method::put, "/v1/users/" + ann_id + "/roles",
                 std::string(ann.at("access_token").as_string()), R"({"roles":["admin"]})")
                .status,
            403)
      << "nobody promotes themself";
  EXPECT_EQ(
      call(Method::put, "/v1/users/" + ann_id + "/roles", admin, R"({"roles":["root"]})").status,
      400);
  const auto granted = call(Method::put, "/v1/users/" + ann_id + "/roles", admin,
                            R"({"roles":["customer","admin"]})");
  ASSERT_EQ(granted.status, 200) << granted.body;
  const auto refreshed = json(refresh(std::string(ann.at("refresh_token").as_string())));
  EXPECT_TRUE(
      service_->provider().verifier()->verify(refreshed.at("access_token").as_string()).is_admin());
}

TEST_P(Accounts, ChangingThePasswordEndsOtherSessions) {
  const auto tokens = sign_up_customer("changer@example.com");
  const std::string access(tokens.at("access_token").as_string());
  const auto wrong = call(Method::post, "/v1/users/me/password", access,
                          R"({"current_password":"not it","new_password":"another long phrase"})");
  EXPECT_EQ(wrong.status, 403);
  const auto weak = call(Method::post, "/v1/users/me/password", access,
                         R"({"current_password":"a good long password","new_password":"short"})");
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(json(weak).at("field").as_string(), "new_password");
  const auto changed =
      call(Method::post, "/v1/users/me/password", access,
           R"({"current_password":"a good long password","new_password":"another long phrase"})");
  EXPECT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(refresh(std::string(tokens.at("refresh_token").as_string())).status, 400);
  Browser browser;
  const auto flow = new_flow();
  EXPECT_FALSE(
      sign_in_for_code(browser, flow, "changer@example.com", "another long phrase").empty());
}

TEST_P(Accounts, AdminsRegisterClientsAndSeeTheSecretOnce) {
  const auto admin = admin_token();
  const auto created = call(Method::post, "/v1/clients", admin,
                            R"({"id":"search","name":"Search indexer","confidential":true,)"
                            R"("grant_types":["client_credentials"],"scopes":["catalog.read"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string secret(json(created).at("client_secret").as_string());
  EXPECT_GE(secret.size(), 40u);
  const auto listed = call(Method::get, "/v1/clients/search", admin);
  EXPECT_FALSE(json(listed).contains("client_secret"));
  const auto token = post_form(
      "/oauth2/token", "grant_type=client_credentials&client_id=search&client_secret=" + secret);
  EXPECT_EQ(token.status, 200) << token.body;

  EXPECT_EQ(call(Method::post, "/v1/clients", admin,
                 R"j({"id":"bad","name":"Bad","redirect_uris":["javascript:alert(1)"],)j"
                 R"("grant_types":["authorization_code"]})")
                .status,
            400);
  EXPECT_EQ(call(Method::post, "/v1/clients", admin, R"({"id":"search","name":"Again"})").status,
            409);
  EXPECT_EQ(call(Method::delete_, "/v1/clients/search", admin).status, 204);
  EXPECT_EQ(post_form("/oauth2/token",
                      "grant_type=client_credentials&client_id=search&client_secret=" + secret)
                .status,
            401);
}

TEST_P(Accounts, BadRequestsToRestRoutesGetProblems) {
  const auto admin = admin_token();
  for (const auto& body : {std::string("{"), std::string("[]"), std::string(R"({"roles":"admin"})"),
                           std::string(R"({"roles":["admin"],"extra":1})")}) {
    const auto response = call(Method::put, "/v1/users/x/roles", admin, body);
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_EQ(response.headers.get("Content-Type"), "application/problem+json") << body;
  }
  EXPECT_EQ(call(Method::get, "/v1/users/no-such-user", admin).status, 404);
}

class Throttling : public AuthTest {
  void configure(AuthOptions& options) override {
    options.provider.sign_up_throttle.allowed_failures = 3;
  }
};

TEST_P(Throttling, RepeatedFailuresBlockTheAccountWhateverThePassword) {
  sign_up_customer("target@example.com");
  Browser browser;
  const auto flow = new_flow();
  const auto request = open_sign_in(browser, flow);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(
        submit_sign_in(browser, request, "target@example.com", "guess " + std::to_string(i)).status,
        401);
  }
  const auto blocked =
      submit_sign_in(browser, request, "target@example.com", "a good long password");
  EXPECT_EQ(blocked.status, 429) << "even the right password waits out the block";
  EXPECT_NE(blocked.body.find("Too many attempts"), std::string::npos);
  const auto unknown_blocked = [&] {
    for (int i = 0; i < 5; ++i) submit_sign_in(browser, request, "ghost@example.com", "guess");
    return submit_sign_in(browser, request, "ghost@example.com", "guess").status;
  }();
  EXPECT_EQ(unknown_blocked, 429) << "accounts that do not exist are throttled alike";
}

TEST_P(Throttling, SignUpsPerAddressAreLimited) {
  sign_up_customer("first@example.com");
  sign_up_customer("second@example.com");
  Browser browser;
  const auto flow = new_flow();
  const auto request = open_sign_in(browser, flow);
  // The third attempt used the allowance: the fourth is refused.
  submit_sign_up(browser, request, "Third", "third@example.com", "a good long password");
  Browser another;
  const auto request2 = open_sign_in(another, new_flow());
  EXPECT_EQ(
      submit_sign_up(another, request2, "Fourth", "fourth@example.com", "a good long password")
          .status,
      429);
}

class Rotation : public AuthTest {
  void configure(AuthOptions& options) override {
    options.keys.algorithm = platform::auth::Algorithm::es256;  // the other algorithm, covered
    options.keys.rotation = std::chrono::seconds(3);
    options.keys.announce_ahead = std::chrono::seconds(1);
    options.keys.retain_after = std::chrono::seconds(2);
  }
};

TEST_P(Rotation, OldKeysStayPublishedUntilTheirTokensExpire) {
  const auto first = sign_up_customer("rotation@example.com");
  const std::string old_token(first.at("access_token").as_string());
  const auto old_kid = platform::auth::decode_jwt(old_token).header.at("kid");

  // Past the first key's signing period: a new key signs, the old one is
  // still published.
  std::this_thread::sleep_for(std::chrono::milliseconds(3300));
  const auto second = json(refresh(std::string(first.at("refresh_token").as_string())));
  const std::string new_token(second.at("access_token").as_string());
  EXPECT_NE(platform::auth::decode_jwt(new_token).header.at("kid"), old_kid);
  const auto keys = json(get("/.well-known/jwks.json")).at("keys").as_array();
  EXPECT_TRUE(std::any_of(keys.begin(), keys.end(),
                          [&](const auto& key) { return key.at("kid") == old_kid; }));
  EXPECT_NO_THROW(service_->provider().verifier()->verify(new_token));

  // Past the old key's retention: gone from the JWKS.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const auto later = json(get("/.well-known/jwks.json")).at("keys").as_array();
  EXPECT_FALSE(std::any_of(later.begin(), later.end(),
                           [&](const auto& key) { return key.at("kid") == old_kid; }));
}

class Erasure : public AuthTest {};

TEST_P(Erasure, ADeletedCustomerCanNoLongerSignIn) {
  const auto tokens = sign_up_customer("forget.me@example.com");
  const auto user_id =
      service_->provider().verifier()->verify(tokens.at("access_token").as_string()).subject;
  bus_->publish(platform::bus::make_event(
      "customers.customer.deleted",
      boost::json::serialize(boost::json::object{{"customer_id", user_id}})));
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (service_->store().find_user(user_id)->status != "erased" &&
         std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto erased = service_->store().find_user(user_id);
  EXPECT_EQ(erased->status, "erased");
  EXPECT_EQ(erased->email.find("forget.me"), std::string::npos) << "no personal data is kept";
  EXPECT_EQ(refresh(std::string(tokens.at("refresh_token").as_string())).status, 400);
  Browser browser;
  const auto request = open_sign_in(browser, new_flow());
  EXPECT_EQ(
      submit_sign_in(browser, request, "forget.me@example.com", "a good long password").status,
      401);
}

INSTANTIATE_TEST_SUITE_P(Backends, Accounts,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);
INSTANTIATE_TEST_SUITE_P(Backends, Throttling,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);
INSTANTIATE_TEST_SUITE_P(Backends, Rotation,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);
INSTANTIATE_TEST_SUITE_P(Backends, Erasure,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace auth::testing
