#include "platform/crypto.h"

#include <gtest/gtest.h>

using namespace platform::crypto;

TEST(Base64, RoundTripsEveryLengthInBothAlphabets) {
  const auto bytes = random_bytes(64);
  for (std::size_t length = 0; length <= bytes.size(); ++length) {
    const auto slice = bytes.substr(0, length);
    EXPECT_EQ(base64url_decode(base64url_encode(slice)), slice);
    EXPECT_EQ(base64_decode(base64_encode(slice)), slice);
  }
}

TEST(Base64, MatchesTheRfc4648Vectors) {
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64_encode("\xfb\xff"), "+/8=");
}

TEST(Base64, RejectsWhatNoEncoderProduces) {
  EXPECT_FALSE(base64url_decode("ab+c"));    // standard alphabet in base64url
  EXPECT_FALSE(base64url_decode("abc="));    // padding in base64url
  EXPECT_FALSE(base64url_decode("a"));       // impossible length
  EXPECT_FALSE(base64url_decode("-_9"));     // trailing bits set: "-_8" is canonical
  EXPECT_FALSE(base64_decode("Zm9vYg="));    // short padding
  EXPECT_FALSE(base64_decode("Zm9v YmFy"));  // whitespace
}

TEST(Digest, Sha256AndHmacMatchKnownAnswers) {
  EXPECT_EQ(base64url_encode(sha256("abc")), "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  // RFC 4231 test case 2.
  EXPECT_EQ(base64_encode(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
}

TEST(RandomToken, IsUnguessablyLongAndUrlSafe) {
  const auto token = random_token();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  EXPECT_NE(token, random_token());
}

TEST(ConstantTimeEqual, ComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal("secret", "secret"));
  EXPECT_FALSE(constant_time_equal("secret", "secreT"));
  EXPECT_FALSE(constant_time_equal("secret", "secret!"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

TEST(SealedBox, OpensWhatItSealedAndNothingAltered) {
  const auto key = random_bytes(32);
  const auto box = seal(key, "private key material");
  EXPECT_EQ(box.find("private"), std::string::npos) << "the plaintext does not show";
  EXPECT_EQ(open(key, box), "private key material");
  EXPECT_NE(seal(key, "same"), seal(key, "same")) << "a fresh nonce every time";

  auto altered = box;
  altered[altered.size() / 2] ^= 1;
  EXPECT_FALSE(open(key, altered));
  EXPECT_FALSE(open(random_bytes(32), box));
  EXPECT_FALSE(open(key, box.substr(0, 10)));
  EXPECT_THROW(seal("short key", "x"), std::invalid_argument);
}
