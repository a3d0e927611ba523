#include "platform/auth/jwt.h"

#include <boost/json.hpp>

#include "platform/crypto.h"
#include "platform/error.h"

namespace platform::auth {
namespace {

constexpr std::size_t kMaximumTokenBytes = 16 * 1024;

Error malformed(const std::string& why) {
  return Error(ErrorKind::unauthenticated, "invalid-token", "malformed token: " + why);
}

boost::json::object decode_part(std::string_view part, const char* name) {
  const auto text = crypto::base64url_decode(part);
  if (!text) throw malformed(std::string(name) + " is not base64url");
  boost::system::error_code error;
  boost::json::parse_options options;
  options.max_depth = 16;
  auto value = boost::json::parse(*text, error, {}, options);
  if (error || !value.is_object()) throw malformed(std::string(name) + " is not a JSON object");
  return std::move(value.as_object());
}

}  // namespace

std::string sign_jwt(const SigningKey& key, const boost::json::object& claims,
                     std::string_view type) {
  const boost::json::object header{
      {"alg", name_of(key.algorithm())}, {"kid", key.key_id()}, {"typ", type}};
  std::string token = crypto::base64url_encode(boost::json::serialize(header));
  token += '.';
  token += crypto::base64url_encode(boost::json::serialize(claims));
  const auto signature = key.sign(token);
  token += '.';
  token += crypto::base64url_encode(signature);
  return token;
}

DecodedJwt decode_jwt(std::string_view token) {
  if (token.size() > kMaximumTokenBytes) throw malformed("too long");
  const auto first = token.find('.');
  const auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    throw malformed("not three dot-separated parts");
  }
  DecodedJwt jwt;
  jwt.header = decode_part(token.substr(0, first), "header");
  jwt.claims = decode_part(token.substr(first + 1, second - first - 1), "payload");
  auto signature = crypto::base64url_decode(token.substr(second + 1));
  if (!signature || signature->empty()) throw malformed("signature is missing or not base64url");
  jwt.signature = std::move(*signature);
  jwt.signing_input = std::string(token.substr(0, second));
  return jwt;
}

bool verify_signature(const DecodedJwt& jwt, const PublicKey& key) {
  const auto* algorithm = jwt.header.if_contains("alg");
  if (algorithm == nullptr || !algorithm->is_string() ||
      algorithm_named(algorithm->get_string()) != key.algorithm()) {
    return false;
  }
  return key.verify(jwt.signing_input, jwt.signature);
}

}  // namespace platform::auth
