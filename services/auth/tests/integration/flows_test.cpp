// The OpenID flows end to end over HTTP, on both backends.
#include <boost/json.hpp>
#include <mutex>

#include "auth_fixture.h"
#include "platform/auth/jwt.h"
#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/http/service_token.h"
#include "platform/ids.h"

namespace auth::testing {
namespace {

class Flows : public AuthTest {};

boost::json::object claims_of(const std::string& jwt) {
  return platform::auth::decode_jwt(jwt).claims;
}

TEST_P(Flows, DiscoveryDescribesTheProvider) {
  const auto response = get("/.well-known/openid-configuration");
  ASSERT_EQ(response.status, 200);
  const auto document = json(response);
  EXPECT_EQ(document.at("issuer").as_string(), issuer());
  EXPECT_EQ(document.at("token_endpoint").as_string(), issuer() + "/oauth2/token");
  EXPECT_EQ(document.at("code_challenge_methods_supported").as_array().size(), 1u);
  EXPECT_EQ(document.at("id_token_signing_alg_values_supported").at(0).as_string(), "RS256");

  const auto keys = json(get("/.well-known/jwks.json"));
  ASSERT_GE(keys.at("keys").as_array().size(), 1u);
  for (const auto& key : keys.at("keys").as_array()) {
    EXPECT_FALSE(key.as_object().contains("d")) << "private parts never leave the provider";
  }
}

TEST_P(Flows, SignUpCodeTokensUserinfoRefreshAndRevoke) {
  const auto tokens = sign_up_customer("new.customer@example.com");
  ASSERT_TRUE(tokens.contains("access_token"));
  EXPECT_EQ(tokens.at("token_type").as_string(), "Bearer");
  EXPECT_EQ(tokens.at("scope").as_string(), "email offline_access openid profile");

  const auto caller =
      service_->provider().verifier()->verify(tokens.at("access_token").as_string());
  EXPECT_TRUE(caller.has_role("customer"));
  EXPECT_FALSE(caller.has_role("admin"));
  EXPECT_TRUE(platform::is_uuid(caller.subject));

  const auto id_token = claims_of(std::string(tokens.at("id_token").as_string()));
  EXPECT_EQ(id_token.at("aud").as_string(), "web");
  EXPECT_EQ(id_token.at("sub").as_string(), caller.subject);
  EXPECT_EQ(id_token.at("email").as_string(), "new.customer@example.com");

  platform::http::Headers bearer;
  bearer.set("Authorization", "Bearer " + std::string(tokens.at("access_token").as_string()));
  const auto info = get("/userinfo", nullptr, bearer);
  ASSERT_EQ(info.status, 200) << info.body;
  EXPECT_EQ(json(info).at("sub").as_string(), caller.subject);
  EXPECT_EQ(json(info).at("name").as_string(), "Customer new.customer@example.com");

  const auto first_refresh = std::string(tokens.at("refresh_token").as_string());
  const auto refreshed = refresh(first_refresh, "openid email");
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  const auto second = json(refreshed);
  EXPECT_EQ(second.at("scope").as_string(), "email openid") << "a refresh may narrow the scope";
  EXPECT_NE(second.at("refresh_token").as_string(), first_refresh) << "refresh tokens rotate";
  EXPECT_EQ(
      json(refresh(std::string(second.at("refresh_token").as_string()), "openid email profile"))
          .at("error")
          .as_string(),
      "invalid_scope")
      << "and never widen it";

  const auto revoked = post_form(
      "/oauth2/revoke",
      "client_id=web&token=" + form_encode(std::string(second.at("access_token").as_string())));
  EXPECT_EQ(revoked.status, 200);
  bearer.set("Authorization", "Bearer " + std::string(second.at("access_token").as_string()));
  EXPECT_EQ(get("/userinfo", nullptr, bearer).status, 401) << "userinfo refuses a revoked token";
}

TEST_P(Flows, AReusedRefreshTokenRevokesItsWholeFamily) {
  const auto tokens = sign_up_customer("family@example.com");
  const auto stolen = std::string(tokens.at("refresh_token").as_string());
  const auto legitimate = refresh(stolen);
  ASSERT_EQ(legitimate.status, 200);
  const auto current = std::string(json(legitimate).at("refresh_token").as_string());

  const auto replay = refresh(stolen);
  EXPECT_EQ(replay.status, 400);
  EXPECT_EQ(json(replay).at("error").as_string(), "invalid_grant");
  const auto after = refresh(current);
  EXPECT_EQ(after.status, 400) << "the thief's reuse ended the legitimate chain too";
  EXPECT_EQ(json(after).at("error").as_string(), "invalid_grant");
}

TEST_P(Flows, AnAuthorizationCodeWorksOnce) {
  sign_up_customer("once@example.com");
  Browser browser;
  const auto flow = new_flow();
  const auto code = sign_in_for_code(browser, flow, "once@example.com", "a good long password");
  const auto first = exchange(code, flow);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto second = exchange(code, flow);
  EXPECT_EQ(second.status, 400);
  EXPECT_EQ(json(second).at("error").as_string(), "invalid_grant");
  const auto refresh_token = std::string(json(first).at("refresh_token").as_string());
  EXPECT_EQ(refresh(refresh_token).status, 400)
      << "a replayed code revokes the tokens it had produced";
}

TEST_P(Flows, TheCodeIsBoundToTheRedirectUriVerifierAndClient) {
  sign_up_customer("bound@example.com");
  Browser browser;
  const auto flow = new_flow();
  auto code = sign_in_for_code(browser, flow, "bound@example.com", "a good long password");
  browser = Browser{};  // each code below comes from a fresh sign-in
  auto wrong_verifier = flow;
  wrong_verifier.verifier = platform::crypto::random_token(48);
  auto response = exchange(code, wrong_verifier);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json(response).at("error").as_string(), "invalid_grant");

  const auto flow2 = new_flow();
  code = sign_in_for_code(browser, flow2, "bound@example.com", "a good long password");
  browser = Browser{};
  response = exchange(code, flow2, "http://127.0.0.1:9/other");
  EXPECT_EQ(json(response).at("error").as_string(), "invalid_grant");

  const auto flow3 = new_flow();
  code = sign_in_for_code(browser, flow3, "bound@example.com", "a good long password");
  response = post_form(
      "/oauth2/token",
      "grant_type=authorization_code&code=" + form_encode(code) +
          "&redirect_uri=" + form_encode(kWebRedirect) + "&code_verifier=" + flow3.verifier,
      nullptr, [] {
        platform::http::Headers headers;
        headers.set("Authorization", "Basic " + platform::crypto::base64_encode(
                                                    std::string("orders:") + kOrdersSecret));
        return headers;
      }());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json(response).at("error").as_string(), "unauthorized_client");
}

TEST_P(Flows, AnUnregisteredRedirectUriGetsAPageNotARedirect) {
  const auto flow = new_flow();
  auto query = authorize_query(flow);
  query.replace(query.find(form_encode(kWebRedirect)), form_encode(kWebRedirect).size(),
                form_encode("https://evil.example/callback"));
  const auto response = get(query);
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(response.headers.get("Location").empty());
  EXPECT_NE(response.body.find("not registered"), std::string::npos);

  const auto unknown_client = get("/oauth2/authorize?response_type=code&client_id=nobody");
  EXPECT_EQ(unknown_client.status, 400);
  EXPECT_TRUE(unknown_client.headers.get("Location").empty());
}

TEST_P(Flows, OtherAuthorizationErrorsGoBackToTheClient) {
  const auto flow = new_flow();
  const auto no_pkce = get("/oauth2/authorize?response_type=code&client_id=web&redirect_uri=" +
                           form_encode(kWebRedirect) + "&scope=openid&state=" + flow.state);
  EXPECT_EQ(no_pkce.status, 303);
  const std::string location(no_pkce.headers.get("Location"));
  EXPECT_NE(location.find("error=invalid_request"), std::string::npos) << location;
  EXPECT_NE(location.find("state=" + flow.state), std::string::npos) << location;

  const auto silent = get(authorize_query(flow, "openid", "&prompt=none"));
  EXPECT_NE(std::string(silent.headers.get("Location")).find("error=login_required"),
            std::string::npos);
}

TEST_P(Flows, WrongCredentialsLookTheSameForKnownAndUnknownAccounts) {
  sign_up_customer("known@example.com");
  Browser browser;
  const auto flow = new_flow();
  const auto request = open_sign_in(browser, flow);
  const auto wrong_password =
      submit_sign_in(browser, request, "known@example.com", "not it at all");
  const auto unknown = submit_sign_in(browser, request, "nobody@example.com", "not it at all");
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_NE(wrong_password.body.find("The email or the password is not right."), std::string::npos);
  auto unknown_page = unknown.body;
  unknown_page.replace(unknown_page.find("nobody@example.com"), 18, "known@example.com");
  EXPECT_EQ(wrong_password.body, unknown_page) << "nothing tells the two apart";
}

TEST_P(Flows, TheSignInFormNeedsItsCookieAndOrigin) {
  sign_up_customer("csrf@example.com");
  Browser browser;
  const auto flow = new_flow();
  const auto request = open_sign_in(browser, flow);
  Browser attacker;  // another browser: no binding cookie
  EXPECT_EQ(submit_sign_in(attacker, request, "csrf@example.com", "a good long password").status,
            400);
  platform::http::Headers cross_site;
  cross_site.set("Origin", "https://evil.example");
  const auto forged = post_form("/oauth2/authorize/sign-in",
                                "request=" + request + "&email=csrf%40example.com&password=" +
                                    form_encode("a good long password"),
                                &browser, cross_site);
  EXPECT_EQ(forged.status, 400);
  EXPECT_EQ(submit_sign_in(browser, request, "csrf@example.com", "a good long password").status,
            303);
  EXPECT_EQ(submit_sign_in(browser, request, "csrf@example.com", "a good long password").status,
            400)
      << "a finished sign-in page cannot be replayed";
}

TEST_P(Flows, ThePagesLetBrowsersSendTheirOwnOriginWithTheirForms) {
  sign_up_customer("origin@example.com");
  Browser browser;
  const auto page = get(authorize_query(new_flow(), "openid"), &browser);
  // A browser sends `Origin: null` with a page's form posts under
  // no-referrer, and the origin check refuses that.
  EXPECT_EQ(page.headers.get("Referrer-Policy"), "same-origin");
  const auto request = platform::testing::hidden_field(page.body, "request").value_or("");
  const auto issuer_url = issuer();
  platform::http::Headers own_origin;
  own_origin.set("Origin", issuer_url.substr(0, issuer_url.find('/', issuer_url.find("//") + 2)));
  const auto signed_in = post_form("/oauth2/authorize/sign-in",
                                   "request=" + request + "&email=origin%40example.com&password=" +
                                       form_encode("a good long password"),
                                   &browser, own_origin);
  EXPECT_EQ(signed_in.status, 303) << signed_in.body;
}

TEST_P(Flows, ASignedInBrowserGetsCodesWithoutThePageUnlessAskedToSignInAgain) {
  sign_up_customer("session@example.com");
  Browser browser;
  sign_in_for_code(browser, new_flow(), "session@example.com", "a good long password");
  const auto flow = new_flow();
  const auto again = get(authorize_query(flow), &browser);
  EXPECT_FALSE(code_from(again, flow).empty());
  EXPECT_EQ(get(authorize_query(new_flow(), "openid", "&prompt=login"), &browser).status, 200);
}

TEST_P(Flows, SignOutEndsTheSessionAndItsRefreshTokens) {
  sign_up_customer("logout@example.com");
  Browser browser;
  const auto flow = new_flow();
  const auto code = sign_in_for_code(browser, flow, "logout@example.com", "a good long password");
  const auto tokens = json(exchange(code, flow));
  const auto logout =
      get("/oauth2/logout?id_token_hint=" + std::string(tokens.at("id_token").as_string()) +
              "&post_logout_redirect_uri=" + form_encode(kWebLogoutRedirect) + "&state=bye",
          &browser);
  EXPECT_EQ(logout.status, 303);
  EXPECT_EQ(logout.headers.get("Location"), std::string(kWebLogoutRedirect) + "?state=bye");
  EXPECT_FALSE(browser.cookies.contains("auth_session"));
  EXPECT_EQ(refresh(std::string(tokens.at("refresh_token").as_string())).status, 400);

  const auto unregistered = get("/oauth2/logout?client_id=web&post_logout_redirect_uri=" +
                                form_encode("https://evil.example/"));
  EXPECT_EQ(unregistered.status, 400);
  EXPECT_TRUE(unregistered.headers.get("Location").empty());
}

TEST_P(Flows, AServiceKeepsItsClientCredentialsTokenUntilItIsRefused) {
  platform::http::ServiceTokenSource source(
      {url("/oauth2/token"), "orders", std::string(kOrdersSecret), "payments.charge"});
  const auto first = source.token();
  const auto caller = service_->provider().verifier()->verify(first);
  EXPECT_EQ(caller.subject, "orders");
  EXPECT_TRUE(caller.has_scope("payments.charge"));
  EXPECT_FALSE(caller.has_scope("catalog.reservations")) << "only the scope asked for";
  EXPECT_EQ(source.token(), first) << "kept, not fetched per call";
  source.invalidate("some older token");
  EXPECT_EQ(source.token(), first) << "only the kept token is forgotten";
  source.invalidate(first);
  const auto second = source.token();
  EXPECT_NE(second, first);
  EXPECT_EQ(service_->provider().verifier()->verify(second).subject, "orders");

  platform::http::ServiceTokenSource wrong(
      {url("/oauth2/token"), "orders", "not the secret", "payments.charge"});
  try {
    wrong.token();
    ADD_FAILURE() << "a refused secret gave a token";
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::unavailable);
    EXPECT_EQ(error.code(), "token-unavailable");
  }
}

TEST_P(Flows, ServicesUseClientCredentialsForTheirOwnScopes) {
  const auto basic =
      "Basic " + platform::crypto::base64_encode(std::string("orders:") + kOrdersSecret);
  platform::http::Headers headers;
  headers.set("Authorization", basic);
  const auto response =
      post_form("/oauth2/token", "grant_type=client_credentials&scope=catalog.reservations",
                nullptr, headers);
  ASSERT_EQ(response.status, 200) << response.body;
  const auto caller =
      service_->provider().verifier()->verify(json(response).at("access_token").as_string());
  EXPECT_TRUE(caller.is_service());
  EXPECT_EQ(caller.subject, "orders");
  EXPECT_TRUE(caller.has_scope("catalog.reservations"));
  EXPECT_FALSE(caller.has_scope("payments.charge"));
  EXPECT_FALSE(json(response).contains("refresh_token"));

  const auto in_body =
      post_form("/oauth2/token", "grant_type=client_credentials&client_id=orders&client_secret=" +
                                     std::string(kOrdersSecret));
  EXPECT_EQ(in_body.status, 200);
  EXPECT_EQ(json(in_body).at("scope").as_string(), "catalog.reservations payments.charge");

  headers.set("Authorization",
              "Basic " + platform::crypto::base64_encode("orders:wrong-secret-wrong-secret-wrong"));
  const auto wrong = post_form("/oauth2/token", "grant_type=client_credentials", nullptr, headers);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(json(wrong).at("error").as_string(), "invalid_client");
  EXPECT_FALSE(wrong.headers.get("WWW-Authenticate").empty());

  headers.set("Authorization", basic);
  EXPECT_EQ(json(post_form("/oauth2/token", "grant_type=client_credentials&scope=openid", nullptr,
                           headers))
                .at("error")
                .as_string(),
            "invalid_scope")
      << "user scopes are not for services";
  EXPECT_EQ(json(post_form("/oauth2/token", "grant_type=client_credentials&client_id=web"))
                .at("error")
                .as_string(),
            "unauthorized_client");
  EXPECT_EQ(
      json(post_form("/oauth2/token", "grant_type=password&client_id=web")).at("error").as_string(),
      "unsupported_grant_type");
}

TEST_P(Flows, MalformedTokenRequestsGetOAuthErrors) {
  for (const std::string form : {"", "grant_type=authorization_code&grant_type=refresh_token",
                                 "%zz=1", "grant_type=authorization_code&client_id=web"}) {
    const auto response = post_form("/oauth2/token", form);
    EXPECT_EQ(response.status / 100, 4) << form;
    EXPECT_TRUE(json(response).contains("error")) << form << ": " << response.body;
    EXPECT_EQ(response.headers.get("Cache-Control"), "no-store");
  }
  platform::http::ClientRequest json_body;
  json_body.method = platform::http::Method::post;
  json_body.url = url("/oauth2/token");
  json_body.headers.set("Content-Type", "application/json");
  json_body.body = R"({"grant_type":"client_credentials"})";
  const auto response = client_.send(json_body);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json(response).at("error").as_string(), "invalid_request");
}

TEST_P(Flows, RegistrationPublishesAuthUserRegistered) {
  std::mutex mutex;
  std::vector<boost::json::object> registered;
  auto subscription =
      bus_->subscribe({.durable_name = "auth-test-" + platform::random_hex(4),
                       .subject_filter = "auth.user.registered"},
                      [&](const platform::bus::Event& event) {
                        std::lock_guard lock(mutex);
                        registered.push_back(boost::json::parse(event.data).as_object());
                      });
  const auto email = "events-" + platform::random_hex(4) + "@example.com";
  sign_up_customer(email);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < until) {
    {
      std::lock_guard lock(mutex);
      if (std::any_of(registered.begin(), registered.end(),
                      [&](const auto& data) { return data.at("email").as_string() == email; })) {
        break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::lock_guard lock(mutex);
  const auto mine = std::find_if(registered.begin(), registered.end(), [&](const auto& data) {
    return data.at("email").as_string() == email;
  });
  ASSERT_NE(mine, registered.end()) << "auth.user.registered was not published";
  EXPECT_TRUE(platform::is_uuid(mine->at("user_id").as_string()));
  EXPECT_EQ(mine->at("name").as_string(), "Customer " + email);
}

INSTANTIATE_TEST_SUITE_P(Backends, Flows,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace auth::testing
