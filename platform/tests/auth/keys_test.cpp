#include "platform/auth/keys.h"

#include <gtest/gtest.h>

#include "platform/auth/jwt.h"
#include "platform/error.h"

using namespace platform::auth;

class Keys : public ::testing::TestWithParam<Algorithm> {};

TEST_P(Keys, SignAndVerifyThroughTheJwkAndPemForms) {
  const auto key = SigningKey::generate(GetParam(), "k1");
  const auto signature = key.sign("payload");
  if (GetParam() == Algorithm::es256) {
    EXPECT_EQ(signature.size(), 64u) << "JWS R||S form";
  }

  const auto published = PublicKey::from_jwk(key.public_key().to_jwk());
  EXPECT_EQ(published.key_id(), "k1");
  EXPECT_EQ(published.algorithm(), GetParam());
  EXPECT_TRUE(published.verify("payload", signature));
  EXPECT_FALSE(published.verify("payloaD", signature));

  const auto restored = SigningKey::from_pem(GetParam(), "k1", key.private_pem());
  EXPECT_TRUE(published.verify("again", restored.sign("again")));
}

TEST_P(Keys, JwkCarriesOnlyPublicParameters) {
  const auto jwk = SigningKey::generate(GetParam(), "k2").public_key().to_jwk();
  EXPECT_EQ(jwk.at("use").as_string(), "sig");
  EXPECT_EQ(jwk.at("alg").as_string(), name_of(GetParam()));
  for (const char* secret : {"d", "p", "q", "dp", "dq", "qi"}) {
    EXPECT_FALSE(jwk.contains(secret)) << secret;
  }
}

INSTANTIATE_TEST_SUITE_P(Algorithms, Keys, ::testing::Values(Algorithm::es256, Algorithm::rs256),
                         [](const ::testing::TestParamInfo<Algorithm>& param) {
                           return std::string(name_of(param.param));
                         });

TEST(KeysRefuse, APemOfTheWrongTypeAndBrokenJwks) {
  const auto ec = SigningKey::generate(Algorithm::es256, "ec");
  EXPECT_THROW(SigningKey::from_pem(Algorithm::rs256, "x", ec.private_pem()), platform::Error);
  EXPECT_THROW(SigningKey::from_pem(Algorithm::es256, "x", "not pem"), platform::Error);

  auto jwk = ec.public_key().to_jwk();
  jwk["x"] = "AAAA";  // not a coordinate
  EXPECT_THROW(PublicKey::from_jwk(jwk), platform::Error);
  auto off_curve = ec.public_key().to_jwk();
  auto other = SigningKey::generate(Algorithm::es256, "o").public_key().to_jwk();
  off_curve["y"] = other["y"];  // x of one point, y of another: not on the curve
  EXPECT_THROW(PublicKey::from_jwk(off_curve), platform::Error);
  EXPECT_THROW(PublicKey::from_jwk({{"kty", "oct"}, {"k", "c2VjcmV0"}}), platform::Error);
}

TEST(Jwt, SignsDecodesAndRefusesMalformedTokens) {
  const auto key = SigningKey::generate(Algorithm::es256, "k");
  const auto token = sign_jwt(key, {{"sub", "u1"}}, "at+jwt");
  const auto decoded = decode_jwt(token);
  EXPECT_EQ(decoded.header.at("kid").as_string(), "k");
  EXPECT_EQ(decoded.header.at("typ").as_string(), "at+jwt");
  EXPECT_EQ(decoded.claims.at("sub").as_string(), "u1");
  EXPECT_TRUE(verify_signature(decoded, key.public_key()));

  const std::vector<std::string> malformed{
      "", "a.b", "a.b.c.d", "!!!.e30.sig", token + "x", token + ".", std::string(20000, 'a')};
  for (const auto& bad : malformed) {
    EXPECT_THROW(
        {
          auto parts = decode_jwt(bad);
          if (!verify_signature(parts, key.public_key()))
            throw platform::Error(platform::ErrorKind::unauthenticated, "invalid-token",
                                  "bad signature");
        },
        platform::Error)
        << bad.substr(0, 40);
  }
}
