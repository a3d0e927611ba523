#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace auth {

struct User {
  std::string id;     // UUIDv7: the "sub" of this user's tokens
  std::string email;  // normalised
  std::string name;
  std::vector<std::string> roles;  // "customer", "admin"
  std::string status;              // "active" or "erased"
  std::int64_t created_at = 0;

  bool has_role(std::string_view role) const;
};

inline constexpr std::string_view kCustomerRole = "customer";
inline constexpr std::string_view kAdminRole = "admin";

// Roles the provider knows; an admin may grant only these.
bool is_known_role(std::string_view role);

}  // namespace auth
