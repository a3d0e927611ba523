#include "platform/auth/caller.h"

#include <algorithm>

namespace platform::auth {

bool Caller::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Caller::has_scope(std::string_view scope) const {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

}  // namespace platform::auth
