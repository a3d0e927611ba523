#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace platform::auth {

// Who is calling, as a verified access token says: a signed-in user (subject
// is the user id) or a service using client credentials (subject is its
// client id).
struct Caller {
  std::string subject;
  std::string client_id;
  std::vector<std::string> roles;   // "customer", "admin"
  std::vector<std::string> scopes;  // from the space-separated "scope" claim
  std::string token_id;             // jti
  std::int64_t expires_at = 0;      // Unix seconds

  bool has_role(std::string_view role) const;
  bool has_scope(std::string_view scope) const;
  // Client-credentials tokens carry the client as subject (RFC 9068 §2.2).
  bool is_service() const { return !client_id.empty() && subject == client_id; }
  bool is_admin() const { return !is_service() && has_role("admin"); }
};

}  // namespace platform::auth
