#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/client.h"

namespace auth {

// A client described in configuration, with its secret in clear (the
// provider keeps only the digest).
struct ConfiguredClient {
  RegisteredClient client;
  std::optional<std::string> secret;
};

// Reads the clients registered at start from a JSON array:
//   [{"id": "storefront", "name": "Storefront", "redirect_uris": [...],
//     "post_logout_redirect_uris": [...], "grant_types": [...],
//     "scopes": [...], "secret": "..."}]
// Throws platform::Error(invalid_argument) naming the offending entry.
std::vector<ConfiguredClient> parse_client_list(std::string_view json);

}  // namespace auth
