#include "domain/secret_digest.h"

#include "platform/crypto.h"

namespace auth {

std::string secret_digest(std::string_view secret) {
  return platform::crypto::base64url_encode(platform::crypto::sha256(secret));
}

}  // namespace auth
