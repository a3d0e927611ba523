#include "platform/auth/keys.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <stdexcept>

#include "platform/crypto.h"
#include "platform/error.h"

namespace platform::auth {
namespace {

constexpr std::size_t kCoordinateBytes = 32;  // P-256
constexpr int kMinimumRsaBits = 2048;

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* pointer) const { Free(pointer); }
};
using BigNumber = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using EcdsaSignature = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

std::shared_ptr<evp_pkey_st> share(EVP_PKEY* key) {
  return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

Error invalid_jwk(const std::string& why) {
  return Error(ErrorKind::invalid_argument, "invalid-jwk", why);
}

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

std::string jwk_member(const boost::json::object& jwk, std::string_view name) {
  const auto* value = jwk.if_contains(name);
  if (value == nullptr || !value->is_string()) {
    throw invalid_jwk("JWK member " + std::string(name) + " missing");
  }
  return std::string(value->get_string());
}

std::string decoded_member(const boost::json::object& jwk, std::string_view name) {
  auto bytes = crypto::base64url_decode(jwk_member(jwk, name));
  if (!bytes || bytes->empty()) {
    throw invalid_jwk("JWK member " + std::string(name) + " is not base64url");
  }
  return *bytes;
}

BigNumber number_from(std::string_view big_endian) {
  BigNumber number(BN_bin2bn(bytes_of(big_endian), static_cast<int>(big_endian.size()), nullptr));
  if (!number) throw std::runtime_error("BN_bin2bn failed");
  return number;
}

std::string big_endian(const BIGNUM* number, std::size_t width = 0) {
  const auto size = width != 0 ? width : static_cast<std::size_t>(BN_num_bytes(number));
  std::string out(size, '\0');
  if (BN_bn2binpad(number, reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(size)) <
      0) {
    throw std::runtime_error("BN_bn2binpad failed");
  }
  return out;
}

BigNumber key_number(const EVP_PKEY* key, const char* name) {
  BIGNUM* number = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &number) != 1) {
    throw std::runtime_error(std::string("cannot read key parameter ") + name);
  }
  return BigNumber(number);
}

std::shared_ptr<evp_pkey_st> key_from_params(const char* type, OSSL_PARAM_BLD* builder) {
  Params params(OSSL_PARAM_BLD_to_param(builder));
  KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
      EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    throw invalid_jwk(std::string("not a valid ") + type + " public key");
  }
  auto shared = share(key);
  KeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    throw invalid_jwk(std::string("not a valid ") + type + " public key");
  }
  return shared;
}

bool is_p256(const EVP_PKEY* key) {
  char group[64] = {};
  std::size_t length = 0;
  return EVP_PKEY_is_a(key, "EC") &&
         EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                        &length) == 1 &&
         std::string_view(group, length) == "prime256v1";
}

bool has_type_of(const EVP_PKEY* key, Algorithm algorithm) {
  if (algorithm == Algorithm::es256) return is_p256(key);
  return EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_get_bits(key) >= kMinimumRsaBits;
}

// JWS carries ECDSA signatures as R||S, OpenSSL speaks DER.
std::string der_to_raw(std::string_view der) {
  const auto* cursor = bytes_of(der);
  EcdsaSignature signature(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
  if (!signature) throw std::runtime_error("ECDSA signature is not DER");
  return big_endian(ECDSA_SIG_get0_r(signature.get()), kCoordinateBytes) +
         big_endian(ECDSA_SIG_get0_s(signature.get()), kCoordinateBytes);
}

std::optional<std::string> raw_to_der(std::string_view raw) {
  if (raw.size() != 2 * kCoordinateBytes) return std::nullopt;
  EcdsaSignature signature(ECDSA_SIG_new());
  auto r = number_from(raw.substr(0, kCoordinateBytes));
  auto s = number_from(raw.substr(kCoordinateBytes));
  if (!signature || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1) return std::nullopt;
  r.release();  // owned by the signature now
  s.release();
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(signature.get(), &der);
  if (length <= 0) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

}  // namespace

std::string_view name_of(Algorithm algorithm) {
  return algorithm == Algorithm::es256 ? "ES256" : "RS256";
}

std::optional<Algorithm> algorithm_named(std::string_view name) {
  if (name == "ES256") return Algorithm::es256;
  if (name == "RS256") return Algorithm::rs256;
  return std::nullopt;
}

PublicKey::PublicKey(std::shared_ptr<evp_pkey_st> key, Algorithm algorithm, std::string key_id)
    : key_(std::move(key)), algorithm_(algorithm), key_id_(std::move(key_id)) {}

PublicKey PublicKey::from_jwk(const boost::json::object& jwk) {
  const auto type = jwk_member(jwk, "kty");
  const auto* kid = jwk.if_contains("kid");
  std::string key_id = kid != nullptr && kid->is_string() ? std::string(kid->get_string()) : "";
  ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!builder) throw std::runtime_error("OSSL_PARAM_BLD_new failed");
  if (type == "RSA") {
    const auto modulus = number_from(decoded_member(jwk, "n"));
    const auto exponent = number_from(decoded_member(jwk, "e"));
    OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get());
    OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get());
    auto key = key_from_params("RSA", builder.get());
    if (!has_type_of(key.get(), Algorithm::rs256)) throw invalid_jwk("RSA key under 2048 bits");
    return {std::move(key), Algorithm::rs256, std::move(key_id)};
  }
  if (type == "EC") {
    if (jwk_member(jwk, "crv") != "P-256") throw invalid_jwk("only the P-256 curve is accepted");
    const auto x = decoded_member(jwk, "x");
    const auto y = decoded_member(jwk, "y");
    if (x.size() != kCoordinateBytes || y.size() != kCoordinateBytes) {
      throw invalid_jwk("P-256 coordinates are 32 bytes");
    }
    const std::string point = "\x04" + x + y;
    OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
    OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                     point.size());
    return {key_from_params("EC", builder.get()), Algorithm::es256, std::move(key_id)};
  }
  throw invalid_jwk("unsupported key type " + type);
}

bool PublicKey::verify(std::string_view data, std::string_view signature) const {
  std::string der;
  if (algorithm_ == Algorithm::es256) {
    auto converted = raw_to_der(signature);
    if (!converted) return false;
    der = std::move(*converted);
    signature = der;
  } else if (signature.size() != static_cast<std::size_t>(EVP_PKEY_get_size(key_.get()))) {
    return false;
  }
  DigestContext context(EVP_MD_CTX_new());
  return context &&
         EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key_.get()) == 1 &&
         EVP_DigestVerify(context.get(), bytes_of(signature), signature.size(), bytes_of(data),
                          data.size()) == 1;
}

boost::json::object PublicKey::to_jwk() const {
  boost::json::object jwk;
  if (algorithm_ == Algorithm::es256) {
    jwk["kty"] = "EC";
    jwk["crv"] = "P-256";
    jwk["x"] = crypto::base64url_encode(
        big_endian(key_number(key_.get(), OSSL_PKEY_PARAM_EC_PUB_X).get(), kCoordinateBytes));
    jwk["y"] = crypto::base64url_encode(
        big_endian(key_number(key_.get(), OSSL_PKEY_PARAM_EC_PUB_Y).get(), kCoordinateBytes));
  } else {
    jwk["kty"] = "RSA";
    jwk["n"] =
        crypto::base64url_encode(big_endian(key_number(key_.get(), OSSL_PKEY_PARAM_RSA_N).get()));
    jwk["e"] =
        crypto::base64url_encode(big_endian(key_number(key_.get(), OSSL_PKEY_PARAM_RSA_E).get()));
  }
  jwk["kid"] = key_id_;
  jwk["use"] = "sig";
  jwk["alg"] = name_of(algorithm_);
  return jwk;
}

SigningKey::SigningKey(std::shared_ptr<evp_pkey_st> key, Algorithm algorithm, std::string key_id)
    : key_(std::move(key)), algorithm_(algorithm), key_id_(std::move(key_id)) {}

SigningKey SigningKey::generate(Algorithm algorithm, std::string key_id) {
  EVP_PKEY* key = algorithm == Algorithm::es256
                      ? EVP_EC_gen("P-256")
                      : EVP_RSA_gen(static_cast<unsigned>(kMinimumRsaBits));
  if (key == nullptr) throw std::runtime_error("key generation failed");
  return {share(key), algorithm, std::move(key_id)};
}

SigningKey SigningKey::from_pem(Algorithm algorithm, std::string key_id, std::string_view pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
  if (key == nullptr)
    throw Error(ErrorKind::invalid_argument, "invalid-key", "not a PEM private key");
  auto shared = share(key);
  if (!has_type_of(key, algorithm)) {
    throw Error(ErrorKind::invalid_argument, "invalid-key",
                "the key does not fit " + std::string(name_of(algorithm)));
  }
  return {std::move(shared), algorithm, std::move(key_id)};
}

std::string SigningKey::private_pem() const {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw std::runtime_error("cannot write the private key");
  }
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return {data, static_cast<std::size_t>(length)};
}

std::string SigningKey::sign(std::string_view data) const {
  DigestContext context(EVP_MD_CTX_new());
  std::size_t length = 0;
  if (!context ||
      EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
      EVP_DigestSign(context.get(), nullptr, &length, bytes_of(data), data.size()) != 1) {
    throw std::runtime_error("signing failed");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     bytes_of(data), data.size()) != 1) {
    throw std::runtime_error("signing failed");
  }
  signature.resize(length);
  return algorithm_ == Algorithm::es256 ? der_to_raw(signature) : signature;
}

PublicKey SigningKey::public_key() const { return {key_, algorithm_, key_id_}; }

}  // namespace platform::auth
