#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "platform/auth/keys.h"

namespace platform::auth {

// A compact JWS whose parts were decoded but whose signature is not yet
// checked: header and claims must not be trusted before verify_signature().
struct DecodedJwt {
  boost::json::object header;
  boost::json::object claims;
  std::string signing_input;  // "<header>.<payload>" as received
  std::string signature;      // raw bytes
};

// Signs `claims` with a header {"alg","kid","typ"}. `type` is "JWT" for ID
// tokens and "at+jwt" for access tokens (RFC 9068), so that one can never be
// taken for the other.
std::string sign_jwt(const SigningKey& key, const boost::json::object& claims,
                     std::string_view type);

// Splits and decodes a compact JWS. Throws Error(unauthenticated,
// "invalid-token") naming what is malformed. Tokens over 16 KiB are refused
// before any parsing.
DecodedJwt decode_jwt(std::string_view token);

// Whether `key` made the signature, and the header names the key's own
// algorithm (a token cannot choose how it is checked).
bool verify_signature(const DecodedJwt& jwt, const PublicKey& key);

}  // namespace platform::auth
