#include "platform/auth/token_verifier.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>

#include "platform/auth/jwt.h"
#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/error.h"

using namespace platform::auth;
namespace crypto = platform::crypto;

namespace {

std::int64_t now() { return platform::now_unix_millis() / 1000; }

std::string key_set(std::initializer_list<const SigningKey*> keys) {
  boost::json::array items;
  for (const auto* key : keys) items.push_back(key->public_key().to_jwk());
  return boost::json::serialize(boost::json::object{{"keys", std::move(items)}});
}

std::string encode(const boost::json::object& part) {
  return crypto::base64url_encode(boost::json::serialize(part));
}

class Verifier : public ::testing::Test {
 protected:
  Verifier() {
    options_.issuer = "https://auth.test";
    options_.audience = "shop";
    options_.min_refetch_interval = std::chrono::seconds(0);
  }

  TokenVerifier make() {
    return TokenVerifier(options_, [this] {
      ++fetches_;
      if (keys_unavailable_) throw std::runtime_error("auth is down");
      return jwks_;
    });
  }

  boost::json::object claims() const {
    return {{"iss", "https://auth.test"}, {"aud", "shop"},         {"sub", "user-1"},
            {"client_id", "web"},         {"iat", now()},          {"exp", now() + 300},
            {"scope", "openid profile"},  {"roles", {"customer"}}, {"jti", "t-1"}};
  }

  // Expects `token` to be refused with a reason containing `why`.
  void expect_refused(const TokenVerifier& verifier, const std::string& token,
                      const std::string& why) {
    try {
      verifier.verify(token);
      ADD_FAILURE() << "accepted a token that should fail with: " << why;
    } catch (const platform::Error& error) {
      EXPECT_EQ(error.kind(), platform::ErrorKind::unauthenticated) << error.what();
      EXPECT_EQ(error.code(), "invalid-token");
      EXPECT_NE(std::string(error.what()).find(why), std::string::npos) << error.what();
    }
  }

  VerifierOptions options_;
  SigningKey key_ = SigningKey::generate(Algorithm::es256, "current");
  std::string jwks_ = key_set({&key_});
  std::atomic<int> fetches_{0};
  bool keys_unavailable_ = false;
};

TEST_F(Verifier, AcceptsAValidTokenAndReportsTheCaller) {
  const auto verifier = make();
  const auto caller = verifier.verify(sign_jwt(key_, claims(), "at+jwt"));
  EXPECT_EQ(caller.subject, "user-1");
  EXPECT_EQ(caller.client_id, "web");
  EXPECT_TRUE(caller.has_role("customer"));
  EXPECT_FALSE(caller.is_admin());
  EXPECT_TRUE(caller.has_scope("profile"));
  EXPECT_FALSE(caller.is_service());
  EXPECT_EQ(caller.token_id, "t-1");
}

TEST_F(Verifier, AcceptsRs256AndAnAudienceList) {
  const auto rsa = SigningKey::generate(Algorithm::rs256, "rsa");
  jwks_ = key_set({&key_, &rsa});
  auto list_audience = claims();
  list_audience["aud"] = {"other", "shop"};
  EXPECT_EQ(make().verify(sign_jwt(rsa, list_audience, "at+jwt")).subject, "user-1");
}

TEST_F(Verifier, RefusesATamperedSignatureOrPayload) {
  const auto verifier = make();
  auto token = sign_jwt(key_, claims(), "at+jwt");
  auto flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  expect_refused(verifier, flipped, "signature");

  auto escalated = claims();
  escalated["roles"] = {"customer", "admin"};
  const auto first_dot = token.find('.');
  const auto second_dot = token.find('.', first_dot + 1);
  const auto forged = token.substr(0, first_dot + 1) + encode(escalated) + token.substr(second_dot);
  expect_refused(verifier, forged, "bad signature");
}

TEST_F(Verifier, RefusesAlgNoneAndSymmetricAlgorithms) {
  const auto verifier = make();
  const auto payload = encode(claims());
  const auto none = encode({{"alg", "none"}, {"typ", "at+jwt"}, {"kid", "current"}});
  expect_refused(verifier, none + "." + payload + ".", "signature");
  expect_refused(verifier, none + "." + payload + ".c2ln", "algorithm not accepted");

  // The classic confusion: HMAC keyed with the public key the verifier holds.
  const auto hs = encode({{"alg", "HS256"}, {"typ", "at+jwt"}, {"kid", "current"}});
  const auto mac = crypto::hmac_sha256(jwks_, hs + "." + payload);
  expect_refused(verifier, hs + "." + payload + "." + crypto::base64url_encode(mac),
                 "algorithm not accepted");
}

TEST_F(Verifier, RefusesAnAlgorithmThatDoesNotMatchTheKey) {
  const auto rsa = SigningKey::generate(Algorithm::rs256, "current");  // same kid, RSA
  const auto verifier = make();
  expect_refused(verifier, sign_jwt(rsa, claims(), "at+jwt"), "bad signature");
  options_.algorithms = {Algorithm::rs256};
  expect_refused(make(), sign_jwt(key_, claims(), "at+jwt"), "algorithm not accepted");
}

TEST_F(Verifier, RefusesWrongIssuerAudienceAndType) {
  const auto verifier = make();
  auto wrong_issuer = claims();
  wrong_issuer["iss"] = "https://evil.test";
  expect_refused(verifier, sign_jwt(key_, wrong_issuer, "at+jwt"), "wrong issuer");
  auto wrong_audience = claims();
  wrong_audience["aud"] = "web";  // an ID token's audience is its client
  expect_refused(verifier, sign_jwt(key_, wrong_audience, "at+jwt"), "wrong audience");
  expect_refused(verifier, sign_jwt(key_, claims(), "JWT"), "not an access token");
}

TEST_F(Verifier, RefusesExpiredAndNotYetValidTokensBeyondTheLeeway) {
  const auto verifier = make();
  auto expired = claims();
  expired["exp"] = now() - 31;
  expect_refused(verifier, sign_jwt(key_, expired, "at+jwt"), "expired");
  auto early = claims();
  early["nbf"] = now() + 60;
  expect_refused(verifier, sign_jwt(key_, early, "at+jwt"), "not yet valid");
  auto future = claims();
  future["iat"] = now() + 60;
  expect_refused(verifier, sign_jwt(key_, future, "at+jwt"), "iat");
  auto text_expiry = claims();
  text_expiry["exp"] = "tomorrow";
  expect_refused(verifier, sign_jwt(key_, text_expiry, "at+jwt"), "exp");

  auto within_skew = claims();
  within_skew["exp"] = now() - 5;  // clocks disagree by a few seconds
  EXPECT_NO_THROW(verifier.verify(sign_jwt(key_, within_skew, "at+jwt")));
}

TEST_F(Verifier, RefusesMissingSubjectOrClient) {
  const auto verifier = make();
  auto anonymous = claims();
  anonymous.erase("sub");
  expect_refused(verifier, sign_jwt(key_, anonymous, "at+jwt"), "sub");
  auto no_client = claims();
  no_client.erase("client_id");
  expect_refused(verifier, sign_jwt(key_, no_client, "at+jwt"), "client_id");
}

TEST_F(Verifier, FetchesNewKeysWhenATokenNamesOneItHasNotSeen) {
  const auto verifier = make();
  EXPECT_NO_THROW(verifier.verify(sign_jwt(key_, claims(), "at+jwt")));
  EXPECT_EQ(fetches_, 1);

  const auto next = SigningKey::generate(Algorithm::es256, "next");  // rotation
  jwks_ = key_set({&key_, &next});
  EXPECT_EQ(verifier.verify(sign_jwt(next, claims(), "at+jwt")).subject, "user-1");
  EXPECT_EQ(fetches_, 2);

  const auto stranger = SigningKey::generate(Algorithm::es256, "stranger");
  expect_refused(verifier, sign_jwt(stranger, claims(), "at+jwt"), "unknown signing key");
}

TEST_F(Verifier, LimitsRefetchesForUnknownKeys) {
  options_.min_refetch_interval = std::chrono::seconds(60);
  const auto verifier = make();
  EXPECT_NO_THROW(verifier.verify(sign_jwt(key_, claims(), "at+jwt")));
  const auto stranger = SigningKey::generate(Algorithm::es256, "stranger");
  for (int i = 0; i < 20; ++i) {
    auto unique = claims();
    unique["jti"] = "forged-" + std::to_string(i);
    expect_refused(verifier, sign_jwt(stranger, unique, "at+jwt"), "unknown signing key");
  }
  EXPECT_EQ(fetches_, 1) << "forged key ids must not turn into JWKS requests";
}

TEST_F(Verifier, KeepsItsKeysWhenTheSourceFailsAndSaysUnavailableWithoutAny) {
  keys_unavailable_ = true;
  try {
    make().verify(sign_jwt(key_, claims(), "at+jwt"));
    ADD_FAILURE() << "verified without keys";
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::unavailable);
  }

  keys_unavailable_ = false;
  options_.key_refresh_interval = std::chrono::seconds(0);  // refetch on every call
  const auto verifier = make();
  EXPECT_NO_THROW(verifier.verify(sign_jwt(key_, claims(), "at+jwt")));
  keys_unavailable_ = true;
  auto another = claims();
  another["jti"] = "t-2";
  EXPECT_NO_THROW(verifier.verify(sign_jwt(key_, another, "at+jwt")));
}

TEST_F(Verifier, RemembersVerifiedTokensUntilTheyExpire) {
  options_.key_refresh_interval = std::chrono::seconds(0);
  const auto verifier = make();
  const auto token = sign_jwt(key_, claims(), "at+jwt");
  verifier.verify(token);
  const int fetches_after_first = fetches_;
  for (int i = 0; i < 10; ++i) verifier.verify(token);
  EXPECT_EQ(fetches_, fetches_after_first) << "repeats are answered from the cache";
}

TEST(KeySet, SkipsKeysItCannotUse) {
  const auto key = SigningKey::generate(Algorithm::es256, "k");
  auto encryption = key.public_key().to_jwk();
  encryption["use"] = "enc";
  encryption["kid"] = "enc";
  const auto document = boost::json::serialize(boost::json::object{
      {"keys",
       {key.public_key().to_jwk(), encryption, {{"kty", "oct"}, {"k", "c2VjcmV0"}}, "junk"}}});
  const auto keys = parse_key_set(document);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys.front().key_id(), "k");
  EXPECT_THROW(parse_key_set("[]"), platform::Error);
}

}  // namespace
