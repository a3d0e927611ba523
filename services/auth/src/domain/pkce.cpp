#include "domain/pkce.h"

#include <algorithm>
#include <cctype>

#include "platform/crypto.h"

namespace auth {
namespace {

bool is_unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

}  // namespace

bool is_valid_code_verifier(std::string_view verifier) {
  return verifier.size() >= 43 && verifier.size() <= 128 &&
         std::all_of(verifier.begin(), verifier.end(), is_unreserved);
}

bool is_valid_code_challenge(std::string_view challenge) {
  const auto decoded = platform::crypto::base64url_decode(challenge);
  return challenge.size() == 43 && decoded && decoded->size() == 32;
}

bool pkce_matches(std::string_view verifier, std::string_view challenge) {
  if (!is_valid_code_verifier(verifier)) return false;
  const auto expected = platform::crypto::base64url_encode(platform::crypto::sha256(verifier));
  return platform::crypto::constant_time_equal(expected, challenge);
}

}  // namespace auth
