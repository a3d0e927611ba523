#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/scopes.h"

namespace auth {

// An OAuth client registered with the provider. Public clients (browser
// apps) have no secret and must use PKCE; confidential clients (services)
// authenticate with their secret.
struct RegisteredClient {
  std::string id;
  std::string name;
  std::optional<std::string> secret_hash;  // SHA-256 of the secret, base64url
  std::vector<std::string> redirect_uris;
  std::vector<std::string> post_logout_redirect_uris;
  std::vector<std::string> grant_types;  // authorization_code, refresh_token, client_credentials
  Scopes scopes;                         // the most it may be granted

  bool is_public() const { return !secret_hash.has_value(); }
  bool allows_grant(std::string_view grant) const;
  // Exact string comparison (OAuth 2.1 §2.3.1): no prefixes, no wildcards.
  bool has_redirect_uri(std::string_view uri) const;
  bool has_post_logout_redirect_uri(std::string_view uri) const;
};

// A client id: 2 to 64 of [a-z 0-9 - _ .], and never UUID-shaped, because a
// client-credentials token carries the client as its subject and user ids
// are UUIDs.
bool is_valid_client_id(std::string_view id);
// An absolute http(s) URI without fragment or user information. http is
// accepted because the sandbox runs on http://localhost.
bool is_valid_redirect_uri(std::string_view uri);
// "scheme://host[:port]" of an absolute URI; empty if it is not one.
std::string origin_of(std::string_view uri);
// The SHA-256 digest a client secret is stored as.
std::string hash_client_secret(std::string_view secret);
bool client_secret_matches(const RegisteredClient& client, std::string_view secret);

}  // namespace auth
