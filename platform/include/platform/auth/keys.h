#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

// OpenSSL's key type, declared here so that its headers stay out of ours.
struct evp_pkey_st;

namespace platform::auth {

// The JWS algorithms this platform signs and accepts. Symmetric (HS*) and
// "none" are deliberately absent: a verifier can never be talked into them.
enum class Algorithm { rs256, es256 };

std::string_view name_of(Algorithm algorithm);
std::optional<Algorithm> algorithm_named(std::string_view name);

// A public key that checks JWS signatures, typically read from a JWKS.
class PublicKey {
 public:
  // Reads an RSA ("kty":"RSA", n, e) or P-256 ("kty":"EC", crv, x, y) JWK.
  // The key's algorithm comes from its type, never from a token header.
  // Throws Error(invalid_argument, "invalid-jwk") for anything else.
  static PublicKey from_jwk(const boost::json::object& jwk);

  Algorithm algorithm() const noexcept { return algorithm_; }
  const std::string& key_id() const noexcept { return key_id_; }
  // Whether `signature` (JWS form: raw R||S for ES256) signs `data`.
  bool verify(std::string_view data, std::string_view signature) const;
  // {"kty","kid","use":"sig","alg", and the public parameters}.
  boost::json::object to_jwk() const;

 private:
  friend class SigningKey;
  PublicKey(std::shared_ptr<evp_pkey_st> key, Algorithm algorithm, std::string key_id);

  std::shared_ptr<evp_pkey_st> key_;
  Algorithm algorithm_;
  std::string key_id_;
};

// A private key that signs JWS: RSA 2048 for RS256, P-256 for ES256.
class SigningKey {
 public:
  static SigningKey generate(Algorithm algorithm, std::string key_id);
  // Throws Error(invalid_argument, "invalid-key") if the PEM does not hold a
  // key of the algorithm's type.
  static SigningKey from_pem(Algorithm algorithm, std::string key_id, std::string_view pem);

  Algorithm algorithm() const noexcept { return algorithm_; }
  const std::string& key_id() const noexcept { return key_id_; }
  // PKCS#8 PEM of the private key, for storage (seal it first).
  std::string private_pem() const;
  // The JWS signature of `data`.
  std::string sign(std::string_view data) const;
  PublicKey public_key() const;

 private:
  SigningKey(std::shared_ptr<evp_pkey_st> key, Algorithm algorithm, std::string key_id);

  std::shared_ptr<evp_pkey_st> key_;
  Algorithm algorithm_;
  std::string key_id_;
};

}  // namespace platform::auth
