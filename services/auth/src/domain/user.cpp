#include "domain/user.h"

#include <algorithm>

namespace auth {

bool User::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool is_known_role(std::string_view role) { return role == kCustomerRole || role == kAdminRole; }

}  // namespace auth
