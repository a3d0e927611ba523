#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/scopes.h"
#include "domain/user.h"

namespace auth {

// What every token this provider issues states about its origin and life.
struct Issuance {
  std::string issuer;
  std::int64_t now = 0;       // Unix seconds
  std::int64_t lifetime = 0;  // seconds
  std::string token_id;       // jti
};

// An RFC 9068 access token for `audience`. A user's carries their roles; a
// client acting as itself has the client as subject and no roles.
boost::json::object access_token_claims(const Issuance& issuance, const std::string& audience,
                                        const std::string& subject, const std::string& client_id,
                                        const Scopes& scopes,
                                        const std::vector<std::string>& roles);

// An OpenID Connect ID token for `client_id`, with the claims its scopes
// allow (email, profile).
boost::json::object id_token_claims(const Issuance& issuance, const User& user,
                                    const std::string& client_id, const Scopes& scopes,
                                    const std::optional<std::string>& nonce,
                                    std::int64_t auth_time);

// The /userinfo answer for a token with `scopes`.
boost::json::object user_info(const User& user, const Scopes& scopes);

}  // namespace auth
