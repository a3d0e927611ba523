#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "platform/auth/caller.h"
#include "platform/auth/keys.h"

namespace platform::auth {

// Where the verifier gets the issuer's public keys: a JWKS document as text.
// Throws when the keys cannot be had (the verifier keeps what it has).
using KeySource = std::function<std::string()>;

struct VerifierOptions {
  std::string issuer;    // must equal "iss"
  std::string audience;  // must be in "aud"
  // Accepted algorithms; a key of another kind is ignored.
  std::vector<Algorithm> algorithms{Algorithm::es256, Algorithm::rs256};
  std::chrono::seconds leeway{30};  // clock skew allowed on exp, nbf and iat
  // Keys are refetched this often, and at once for an unknown key id, but not
  // more than once per min_refetch_interval (a flood of forged key ids must
  // not become a flood of JWKS requests).
  std::chrono::seconds key_refresh_interval{300};
  std::chrono::seconds min_refetch_interval{10};
  // Verified tokens remembered until they expire: a repeat costs a lookup.
  std::size_t cache_entries = 10000;
};

// Verifies access tokens (RFC 9068 JWTs): compact JWS, "typ" at+jwt, an
// accepted algorithm that matches the key's own, signature, iss, aud, exp,
// nbf, iat and sub. Thread-safe; one per process is enough.
class TokenVerifier {
 public:
  TokenVerifier(VerifierOptions options, KeySource keys);
  ~TokenVerifier();
  TokenVerifier(const TokenVerifier&) = delete;
  TokenVerifier& operator=(const TokenVerifier&) = delete;

  // The caller the token speaks for. Throws Error(unauthenticated,
  // "invalid-token") saying why it was refused, or Error(unavailable) when no
  // keys could be had at all.
  Caller verify(std::string_view token) const;

  const VerifierOptions& options() const noexcept;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses a JWKS document ({"keys":[...]}) into the keys this platform can use;
// keys of unknown types or for encryption are skipped.
std::vector<PublicKey> parse_key_set(std::string_view jwks);

}  // namespace platform::auth
