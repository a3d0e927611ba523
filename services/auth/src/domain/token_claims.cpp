#include "domain/token_claims.h"

namespace auth {
namespace {

boost::json::array string_array(const std::vector<std::string>& items) {
  boost::json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return array;
}

void add_profile_claims(boost::json::object& claims, const User& user, const Scopes& scopes) {
  if (scopes.contains("email")) {
    claims["email"] = user.email;
    // No mail is sent in this sandbox, so no address is ever verified.
    claims["email_verified"] = false;
  }
  if (scopes.contains("profile")) claims["name"] = user.name;
}

}  // namespace

boost::json::object access_token_claims(const Issuance& issuance, const std::string& audience,
                                        const std::string& subject, const std::string& client_id,
                                        const Scopes& scopes,
                                        const std::vector<std::string>& roles) {
  boost::json::object claims{{"iss", issuance.issuer},
                             {"sub", subject},
                             {"aud", audience},
                             {"client_id", client_id},
                             {"iat", issuance.now},
                             {"nbf", issuance.now},
                             {"exp", issuance.now + issuance.lifetime},
                             {"jti", issuance.token_id},
                             {"scope", scopes.to_string()}};
  if (!roles.empty()) claims["roles"] = string_array(roles);
  return claims;
}

boost::json::object id_token_claims(const Issuance& issuance, const User& user,
                                    const std::string& client_id, const Scopes& scopes,
                                    const std::optional<std::string>& nonce,
                                    std::int64_t auth_time) {
  boost::json::object claims{{"iss", issuance.issuer},
                             {"sub", user.id},
                             {"aud", client_id},
                             {"iat", issuance.now},
                             {"exp", issuance.now + issuance.lifetime},
                             {"auth_time", auth_time},
                             {"jti", issuance.token_id},
                             {"roles", string_array(user.roles)}};
  if (nonce) claims["nonce"] = *nonce;
  add_profile_claims(claims, user, scopes);
  return claims;
}

boost::json::object user_info(const User& user, const Scopes& scopes) {
  boost::json::object claims{{"sub", user.id}, {"roles", string_array(user.roles)}};
  add_profile_claims(claims, user, scopes);
  return claims;
}

}  // namespace auth
