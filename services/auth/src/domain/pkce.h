#pragma once

#include <string_view>

namespace auth {

// RFC 7636 with S256, the only method accepted (OAuth 2.1).
// A verifier is 43 to 128 characters of [A-Z a-z 0-9 - . _ ~].
bool is_valid_code_verifier(std::string_view verifier);
// A challenge is BASE64URL(SHA256(verifier)): 43 characters.
bool is_valid_code_challenge(std::string_view challenge);
// Whether `verifier` hashes to `challenge`, compared in constant time.
bool pkce_matches(std::string_view verifier, std::string_view challenge);

}  // namespace auth
