#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "platform/auth/token_verifier.h"
#include "platform/config.h"
#include "platform/http/message.h"

namespace platform::http {

// The verified caller of a route that requires a token. Throws
// Error(unauthenticated) on a public route, where there is none.
const auth::Caller& caller_of(const Request& request);

// Lets the owner of a resource, or an admin, through; anyone else gets
// Error(forbidden). For "a customer reads only their own data".
void require_owner_or_admin(const Request& request, std::string_view owner_subject);

// A key source that GETs the issuer's JWKS over HTTP.
auth::KeySource jwks_from_url(std::string url);

// The settings every service verifies tokens with, read the same way
// everywhere: AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL (default: the
// issuer's /.well-known/jwks.json), AUTH_ALGORITHMS.
struct TokenVerification {
  auth::VerifierOptions options;
  std::string jwks_url;
};
TokenVerification read_token_verification(Config& config, std::string_view default_issuer);

std::shared_ptr<const auth::TokenVerifier> make_token_verifier(const TokenVerification& settings);

}  // namespace platform::http
