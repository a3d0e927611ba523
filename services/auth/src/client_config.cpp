#include "client_config.h"

#include <boost/json.hpp>

#include "platform/error.h"
#include "platform/json.h"

namespace auth {

std::vector<ConfiguredClient> parse_client_list(std::string_view json) {
  const auto document = platform::json::parse(json);
  if (!document.is_array()) {
    throw platform::invalid_field("clients", "the client list must be a JSON array");
  }
  std::vector<ConfiguredClient> clients;
  for (std::size_t i = 0; i < document.get_array().size(); ++i) {
    const auto& entry = document.get_array()[i];
    const auto path = "clients[" + std::to_string(i) + "]";
    if (!entry.is_object()) throw platform::invalid_field(path, path + " must be an object");
    platform::json::ObjectReader reader(entry.get_object(), path);
    ConfiguredClient configured;
    configured.client.id = reader.required_string("id", {2, 64});
    configured.client.name = reader.required_string("name", {1, 100});
    configured.client.redirect_uris = reader.string_array("redirect_uris", {1, 2000}, 20);
    configured.client.post_logout_redirect_uris =
        reader.string_array("post_logout_redirect_uris", {1, 2000}, 20);
    configured.client.grant_types = reader.string_array("grant_types", {1, 40}, 3);
    configured.client.scopes = Scopes::of(reader.string_array("scopes", {1, 100}, 50));
    configured.secret = reader.optional_string("secret", {32, 256});
    reader.finish();
    clients.push_back(std::move(configured));
  }
  return clients;
}

}  // namespace auth
