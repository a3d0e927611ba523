#pragma once

#include <string>
#include <string_view>

namespace auth {

// The form every bearer secret is stored in (authorization codes, refresh
// tokens, session ids, client secrets): SHA-256, base64url. These secrets
// are 256 random bits, so a fast hash is enough; passwords use Argon2id.
std::string secret_digest(std::string_view secret);

}  // namespace auth
