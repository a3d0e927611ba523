// Accounts and clients managed outside the browser flows: the seeded admin,
// client registration, password changes and erasure.
#include "domain/email.h"
#include "domain/password_policy.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/log.h"
#include "provider/provider.h"

namespace auth {

void OpenIdProvider::ensure_admin(const std::string& email, const std::string& password) {
  const auto normalized = normalize_email(email);
  if (!normalized) {
    throw platform::Error(platform::ErrorKind::invalid_argument, "invalid-admin",
                          "the admin email is not a valid address");
  }
  if (auto existing = store_.find_user_by_email(*normalized)) {
    if (!existing->has_role(kAdminRole)) {
      auto roles = existing->roles;
      roles.emplace_back(kAdminRole);
      store_.set_roles(existing->id, roles);
      platform::log::info("admin role granted", {{"user", existing->id}});
    }
    return;
  }
  if (auto problem = password_problem(password, *normalized, settings_.password_policy)) {
    throw platform::Error(platform::ErrorKind::invalid_argument, "invalid-admin",
                          "the admin password is refused: " + *problem);
  }
  User admin;
  admin.id = platform::new_uuid_v7();
  admin.email = *normalized;
  admin.name = "Administrator";
  admin.roles = {std::string(kCustomerRole), std::string(kAdminRole)};
  admin.created_at = platform::now_unix_millis();
  store_.create_user(admin, hasher_.hash(password));
  platform::log::info("admin account created", {{"user", admin.id}});
}

RegisteredClient OpenIdProvider::register_client(RegisteredClient client,
                                                 const std::optional<std::string>& secret) {
  if (!is_valid_client_id(client.id)) {
    throw platform::invalid_field("id",
                                  "a client id is 2 to 64 of a-z, 0-9, '-', '_', '.', "
                                  "and not a UUID");
  }
  for (const auto* uris : {&client.redirect_uris, &client.post_logout_redirect_uris}) {
    for (const auto& uri : *uris) {
      if (!is_valid_redirect_uri(uri)) {
        throw platform::invalid_field("redirect_uris", "not an absolute http(s) URI: " + uri);
      }
    }
  }
  for (const auto& grant : client.grant_types) {
    if (grant != "authorization_code" && grant != "refresh_token" &&
        grant != "client_credentials") {
      throw platform::invalid_field("grant_types", "unknown grant type " + grant);
    }
  }
  if (client.allows_grant("authorization_code") && client.redirect_uris.empty()) {
    throw platform::invalid_field("redirect_uris", "the code flow needs a redirect URI");
  }
  if (secret) {
    if (secret->size() < 32) {
      throw platform::invalid_field("secret", "a client secret has at least 32 characters");
    }
    client.secret_hash = hash_client_secret(*secret);
  } else {
    client.secret_hash.reset();
    if (client.allows_grant("client_credentials")) {
      throw platform::invalid_field("grant_types", "client_credentials needs a secret");
    }
  }
  store_.save_client(client, platform::now_unix_millis());
  clients_.forget(client.id);
  return client;
}

bool OpenIdProvider::delete_client(const std::string& id) {
  const bool deleted = store_.delete_client(id);
  clients_.forget(id);
  return deleted;
}

void OpenIdProvider::change_password(const std::string& user_id, const std::string& current,
                                     const std::string& replacement) {
  const auto user = store_.find_user(user_id);
  if (!user || user->status != "active")
    throw platform::not_found("user-not-found", "no such user");
  const auto credentials = store_.find_credentials(user->email);
  if (!credentials || !hasher_.verify(credentials->second, current)) {
    throw platform::Error(platform::ErrorKind::forbidden, "wrong-password",
                          "the current password is not right", "current_password");
  }
  if (auto problem = password_problem(replacement, user->email, settings_.password_policy)) {
    throw platform::invalid_field("new_password", *problem);
  }
  store_.set_password_hash(user_id, hasher_.hash(replacement));
  // Whoever knew the old password may hold sessions: end them all.
  store_.sign_out_everywhere(user_id, platform::now_unix_millis());
  platform::log::info("password changed", {{"user", user_id}});
}

bool OpenIdProvider::erase_user(const std::string& user_id) {
  const bool erased = store_.erase_user(user_id, platform::now_unix_millis());
  if (erased) platform::log::info("account erased", {{"user", user_id}});
  return erased;
}

}  // namespace auth
