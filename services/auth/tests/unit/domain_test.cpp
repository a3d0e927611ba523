#include <gtest/gtest.h>

#include "domain/authorization_request.h"
#include "domain/client.h"
#include "domain/email.h"
#include "domain/password_policy.h"
#include "domain/pkce.h"
#include "domain/scopes.h"
#include "domain/throttle.h"
#include "domain/token_claims.h"
#include "platform/crypto.h"

namespace auth {
namespace {

TEST(Email, NormalisesCaseAndBlanks) {
  EXPECT_EQ(normalize_email("  Ann.Lee+shop@Example.COM "), "ann.lee+shop@example.com");
  EXPECT_EQ(normalize_email("x@xn--bcher-kva.example"), "x@xn--bcher-kva.example");
}

TEST(Email, RefusesWhatIsNotAnAddress) {
  for (const char* bad :
       {"", "ann", "ann@", "@example.com", "ann@@example.com", "ann@example", "ann@exa_mple.com",
        ".ann@example.com", "an..n@example.com", "ann@-example.com", "ann@example.c",
        "ann@example.123", "ann lee@example.com", "ann@exämple.com", "a\"b@example.com"}) {
    EXPECT_FALSE(normalize_email(bad)) << bad;
  }
  EXPECT_FALSE(normalize_email(std::string(65, 'a') + "@example.com"));
  EXPECT_FALSE(normalize_email("a@" + std::string(250, 'b') + ".com"));
}

TEST(PasswordPolicy, PrefersLengthOverComposition) {
  EXPECT_FALSE(password_problem("correct horse battery staple", "ann@example.com"));
  EXPECT_FALSE(password_problem("all lower case words", "ann@example.com"));
  EXPECT_FALSE(password_problem("пароль-длинный", "ann@example.com")) << "UTF-8 counts characters";
}

TEST(PasswordPolicy, RefusesShortObviousOrPersonalPasswords) {
  EXPECT_TRUE(password_problem("short", "ann@example.com"));
  EXPECT_TRUE(password_problem(std::string(129, 'x') + "y", "ann@example.com"));
  EXPECT_TRUE(password_problem("aaaaaaaaaaaa", "ann@example.com"));
  EXPECT_TRUE(password_problem("1234567890", "ann@example.com"));
  EXPECT_TRUE(password_problem("QWERTYUIOP", "ann@example.com"));
  EXPECT_TRUE(password_problem("Password123", "ann@example.com"));
  EXPECT_TRUE(password_problem("annalee-is-great", "annalee@example.com"));
}

TEST(Pkce, MatchesTheRfc7636Example) {
  const std::string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  const std::string challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  EXPECT_TRUE(is_valid_code_verifier(verifier));
  EXPECT_TRUE(is_valid_code_challenge(challenge));
  EXPECT_TRUE(pkce_matches(verifier, challenge));
  EXPECT_FALSE(pkce_matches(verifier + "x", challenge));
  EXPECT_FALSE(pkce_matches("short", challenge));
  EXPECT_FALSE(is_valid_code_challenge("plain-text-challenge"));
}

TEST(Scopes, ParseSortAndCompare) {
  const auto scopes = Scopes::parse("openid  email openid profile");
  ASSERT_TRUE(scopes);
  EXPECT_EQ(scopes->to_string(), "email openid profile");
  EXPECT_TRUE(scopes->is_subset_of(user_scopes()));
  EXPECT_FALSE(Scopes::parse("openid \"quoted\""));
  EXPECT_FALSE(Scopes::parse("back\\slash"));
  EXPECT_FALSE(Scopes::of({"catalog.write"}).is_subset_of(user_scopes()));
  EXPECT_EQ(Scopes::of({"a", "b"}).intersect(Scopes::of({"b", "c"})).to_string(), "b");
}

TEST(Clients, IdsRedirectUrisAndSecrets) {
  EXPECT_TRUE(is_valid_client_id("storefront"));
  EXPECT_FALSE(is_valid_client_id("Storefront"));
  EXPECT_FALSE(is_valid_client_id("0190d5a0-0000-7000-8000-000000000001"))
      << "a UUID client id could pass for a user";
  EXPECT_TRUE(is_valid_redirect_uri("http://localhost:8080/callback"));
  EXPECT_TRUE(is_valid_redirect_uri("https://shop.example/cb?x=1"));
  EXPECT_FALSE(is_valid_redirect_uri("https://shop.example/cb#fragment"));
  EXPECT_FALSE(is_valid_redirect_uri("javascript:alert(1)"));
  EXPECT_FALSE(is_valid_redirect_uri("https://user:pass@shop.example/cb"));
  EXPECT_FALSE(is_valid_redirect_uri("/relative"));
  EXPECT_EQ(origin_of("http://localhost:8080/callback?x=1"), "http://localhost:8080");

  RegisteredClient client;
  client.redirect_uris = {"https://shop.example/cb"};
  EXPECT_TRUE(client.has_redirect_uri("https://shop.example/cb"));
  EXPECT_FALSE(client.has_redirect_uri("https://shop.example/cb/"));
  EXPECT_FALSE(client.has_redirect_uri("https://shop.example/cb?next=evil"));
  EXPECT_FALSE(client_secret_matches(client, "anything")) << "a public client has no secret";
  client.secret_hash = hash_client_secret("s3cret-s3cret-s3cret-s3cret-s3cret");
  EXPECT_TRUE(client_secret_matches(client, "s3cret-s3cret-s3cret-s3cret-s3cret"));
  EXPECT_FALSE(client_secret_matches(client, "s3cret"));
}

TEST(Throttle, BlocksAfterTheAllowanceForLongerEachTime) {
  ThrottlePolicy policy;  // 5 in 15 minutes, then 1, 2, 4... minutes up to 15
  ThrottleState state;
  std::int64_t now = 1'000'000;
  for (int i = 0; i < 4; ++i) state = after_failure(state, policy, now += 1000);
  EXPECT_FALSE(is_blocked(state, now));
  state = after_failure(state, policy, now += 1000);
  EXPECT_TRUE(is_blocked(state, now));
  EXPECT_EQ(state.blocked_until - now, 60'000);
  EXPECT_FALSE(is_blocked(state, now + 60'000));
  state = after_failure(state, policy, now += 61'000);
  EXPECT_EQ(state.blocked_until - now, 120'000);
  for (int i = 0; i < 10; ++i) state = after_failure(state, policy, now += 1000);
  EXPECT_EQ(state.blocked_until - now, policy.longest_block_millis);
}

TEST(Throttle, ForgetsOldFailures) {
  ThrottlePolicy policy;
  ThrottleState state;
  for (int i = 0; i < 4; ++i) state = after_failure(state, policy, 1000 + i);
  state = after_failure(state, policy, 1000 + policy.window_millis + 10);
  EXPECT_EQ(state.failures, 1);
  EXPECT_FALSE(is_blocked(state, 1000 + policy.window_millis + 10));
}

class Authorization : public ::testing::Test {
 protected:
  Authorization() {
    client_.id = "storefront";
    client_.name = "Storefront";
    client_.redirect_uris = {"http://localhost:8080/callback"};
    client_.grant_types = {"authorization_code", "refresh_token"};
    client_.scopes = Scopes::of({"openid", "profile", "email", "offline_access", "catalog.write"});
  }

  Parameters valid() const {
    return {{"response_type", "code"},
            {"client_id", "storefront"},
            {"redirect_uri", "http://localhost:8080/callback"},
            {"scope", "openid email"},
            {"state", "s-1"},
            {"nonce", "n-1"},
            {"code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"},
            {"code_challenge_method", "S256"}};
  }

  AuthorizationError error_of(const Parameters& parameters) const {
    const auto result = validate_authorization(parameters, &client_);
    EXPECT_TRUE(std::holds_alternative<AuthorizationError>(result));
    return std::holds_alternative<AuthorizationError>(result) ? std::get<AuthorizationError>(result)
                                                              : AuthorizationError{};
  }

  // `parameters` with `key` set to `value`, added if it was absent.
  static Parameters with(Parameters parameters, const std::string& key, const std::string& value) {
    bool found = false;
    for (auto& [name, current] : parameters) {
      if (name == key) {
        current = value;
        found = true;
      }
    }
    if (!found) parameters.emplace_back(key, value);
    return parameters;
  }
  static Parameters without(Parameters parameters, const std::string& key) {
    std::erase_if(parameters, [&](const auto& pair) { return pair.first == key; });
    return parameters;
  }

  RegisteredClient client_;
};

TEST_F(Authorization, AcceptsAValidPkceRequest) {
  const auto result = validate_authorization(valid(), &client_);
  ASSERT_TRUE(std::holds_alternative<AuthorizationRequest>(result));
  const auto& request = std::get<AuthorizationRequest>(result);
  EXPECT_EQ(request.scope.to_string(), "email openid");
  EXPECT_EQ(request.state, "s-1");
  EXPECT_EQ(request.nonce, "n-1");
}

TEST_F(Authorization, NeverRedirectsForAnUnknownClientOrUnregisteredUri) {
  const auto unknown = validate_authorization(valid(), nullptr);
  ASSERT_TRUE(std::holds_alternative<AuthorizationError>(unknown));
  EXPECT_FALSE(std::get<AuthorizationError>(unknown).to_client);
  const auto mismatch = error_of(with(valid(), "redirect_uri", "https://evil.example/callback"));
  EXPECT_FALSE(mismatch.to_client);
  EXPECT_FALSE(
      error_of(with(valid(), "redirect_uri", "http://localhost:8080/callback/")).to_client);
  auto repeated = valid();
  repeated.emplace_back("redirect_uri", "https://evil.example/callback");
  EXPECT_FALSE(error_of(repeated).to_client);
}

TEST_F(Authorization, SendsOtherErrorsBackToTheClient) {
  const auto expect = [&](const Parameters& parameters, const std::string& code) {
    const auto error = error_of(parameters);
    EXPECT_TRUE(error.to_client) << code;
    EXPECT_EQ(error.error, code);
  };
  expect(without(valid(), "code_challenge"), "invalid_request");
  expect(with(valid(), "code_challenge_method", "plain"), "invalid_request");
  expect(without(valid(), "code_challenge_method"), "invalid_request");
  expect(with(valid(), "response_type", "token"), "unsupported_response_type");
  expect(with(valid(), "scope", "openid catalog.write"), "invalid_scope");
  expect(with(valid(), "scope", "openid admin"), "invalid_scope");
  expect(with(valid(), "prompt", "consent"), "invalid_request");
  expect(with(valid(), "state", std::string(600, 's')), "invalid_request");
  auto repeated_state = valid();
  repeated_state.emplace_back("state", "again");
  expect(repeated_state, "invalid_request");
  auto request_object = valid();
  request_object.emplace_back("request", "eyJhbGciOiJub25lIn0.e30.");
  expect(request_object, "request_not_supported");
  client_.grant_types = {"client_credentials"};
  expect(valid(), "unauthorized_client");
}

TEST(TokenClaims, AccessTokensCarryRolesAndIdTokensTheClient) {
  User user;
  user.id = "0190d5a0-0000-7000-8000-000000000001";
  user.email = "ann@example.com";
  user.name = "Ann";
  user.roles = {"customer"};
  const Issuance issuance{"https://auth.test", 1000, 600, "jti-1"};
  const auto access = access_token_claims(issuance, "shop", user.id, "storefront",
                                          Scopes::of({"openid", "email"}), user.roles);
  EXPECT_EQ(access.at("aud").as_string(), "shop");
  EXPECT_EQ(access.at("exp").as_int64(), 1600);
  EXPECT_EQ(access.at("roles").as_array().size(), 1u);
  EXPECT_EQ(access.at("scope").as_string(), "email openid");

  const auto id = id_token_claims(issuance, user, "storefront", Scopes::of({"openid", "email"}),
                                  std::string("nonce-1"), 900);
  EXPECT_EQ(id.at("aud").as_string(), "storefront");
  EXPECT_EQ(id.at("nonce").as_string(), "nonce-1");
  EXPECT_EQ(id.at("auth_time").as_int64(), 900);
  EXPECT_EQ(id.at("email").as_string(), "ann@example.com");
  EXPECT_FALSE(id.contains("name")) << "no profile scope, no name";

  const auto service = access_token_claims(issuance, "shop", "orders", "orders",
                                           Scopes::of({"catalog.reservations"}), {});
  EXPECT_FALSE(service.contains("roles"));
}

}  // namespace
}  // namespace auth
