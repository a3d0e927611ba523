#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/client.h"
#include "domain/scopes.h"
#include "platform/http/form.h"

namespace auth {

// GET /oauth2/authorize, validated: the authorization code flow with PKCE.
struct AuthorizationRequest {
  std::string client_id;
  std::string redirect_uri;
  Scopes scope;
  std::optional<std::string> state;
  std::optional<std::string> nonce;
  std::string code_challenge;           // S256
  std::string prompt;                   // "", "none", "login" or "create"
  std::optional<std::int64_t> max_age;  // seconds
  std::optional<std::string> login_hint;
};

// Why a request was refused (RFC 6749 §4.1.2.1). Until the client and its
// redirect URI are known to be genuine the user is shown the error, never
// sent anywhere (an open redirector otherwise); after that it goes back to
// the client.
struct AuthorizationError {
  std::string error;
  std::string description;
  bool to_client = false;
};

// Query or form parameters in order, repeats kept.
using Parameters = platform::http::FormFields;
using platform::http::single_field;

// `client` is the registered client named by client_id, or null if none is.
std::variant<AuthorizationRequest, AuthorizationError> validate_authorization(
    const Parameters& parameters, const RegisteredClient* client);

}  // namespace auth
