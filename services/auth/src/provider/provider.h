#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>

#include "domain/authorization_request.h"
#include "domain/client.h"
#include "platform/auth/token_verifier.h"
#include "provider/client_cache.h"
#include "provider/provider_settings.h"
#include "security/key_ring.h"
#include "security/password_hasher.h"
#include "store/auth_store.h"

namespace auth {

// What the authorization endpoint and the sign-in forms lead to.
struct BrowserOutcome {
  enum class Kind { redirect, sign_in_page, sign_up_page, error_page, signed_out_page };
  Kind kind = Kind::error_page;
  int status = 200;
  std::string location;         // redirect
  std::string client_name;      // pages
  std::string redirect_origin;  // pages: where the form may lead (CSP form-action)
  std::string pending_id;       // sign-in and sign-up pages
  std::string message;          // pages: what went wrong, for the user
  std::string email;            // pages: to fill the form in again
  // Cookies to set: empty leaves them as they are.
  std::string new_flow_binding;  // auth_flow, binding the browser to pending_id
  std::string new_session;       // auth_session
  bool clear_session = false;
};

// A client as it authenticated at the token or revocation endpoint.
struct PresentedClient {
  std::string id;
  std::optional<std::string> secret;
};

// The OpenID provider: every flow of the protocol, over the store, the key
// ring and the password hasher. HTTP stays in api/; this is what the routes
// call. Thread-safe.
class OpenIdProvider {
 public:
  OpenIdProvider(AuthStore& store, KeyRing& keys, const PasswordHasher& hasher,
                 ProviderSettings settings);
  ~OpenIdProvider();

  const ProviderSettings& settings() const noexcept { return settings_; }
  // Verifies access tokens of this provider (admin routes, /userinfo).
  std::shared_ptr<const platform::auth::TokenVerifier> verifier() const { return verifier_; }

  // ---- browser flows (authorization.cpp)
  BrowserOutcome authorize(const Parameters& query, const std::optional<std::string>& session);
  BrowserOutcome sign_in(const std::string& pending_id, const std::optional<std::string>& binding,
                         const std::string& email, const std::string& password,
                         const std::string& address);
  BrowserOutcome sign_up(const std::string& pending_id, const std::optional<std::string>& binding,
                         const std::string& name, const std::string& email,
                         const std::string& password, const std::string& address);
  // The sign-up form of a parked request (the link on the sign-in page).
  BrowserOutcome sign_up_page(const std::string& pending_id);
  BrowserOutcome end_session(const Parameters& query, const std::optional<std::string>& session);

  // ---- protocol endpoints (tokens.cpp); throw OAuthError
  boost::json::object token(const Parameters& form, const PresentedClient& presented);
  void revoke(const Parameters& form, const PresentedClient& presented);
  boost::json::object user_info(std::string_view access_token);

  // ---- accounts (accounts.cpp)
  // Creates the admin account if it does not exist, and makes sure it has the
  // admin role. Throws Error(invalid_argument) for a password the policy
  // refuses.
  void ensure_admin(const std::string& email, const std::string& password);
  // Registers or updates a client; returns the stored form.
  RegisteredClient register_client(RegisteredClient client,
                                   const std::optional<std::string>& secret);
  void change_password(const std::string& user_id, const std::string& current,
                       const std::string& replacement);
  // Erases a customer's account (GDPR); false if there was none active.
  bool erase_user(const std::string& user_id);
  // Removes a client and everything issued to it; false if there was none.
  bool delete_client(const std::string& id);

 private:
  class Minter;
  boost::json::object redeem_code(const Parameters& form, const Minter& minter);
  boost::json::object refresh(const Parameters& form, const Minter& minter);
  boost::json::object client_credentials(const Parameters& form, const Minter& minter);
  User active_user(const std::string& id);

  BrowserOutcome complete_sign_in(const PendingAuthorization& pending, const User& user,
                                  const std::string& new_session, std::int64_t auth_time);
  std::string issue_code(const std::string& client_id, const std::string& user_id,
                         const std::string& redirect_uri, const Scopes& scope,
                         const std::optional<std::string>& nonce, const std::string& code_challenge,
                         const std::string& session_hash, std::int64_t auth_time);
  std::string code_redirect(const std::string& redirect_uri, const std::string& code,
                            const std::optional<std::string>& state) const;
  std::string error_redirect(const std::string& redirect_uri, const std::string& error,
                             const std::string& description,
                             const std::optional<std::string>& state) const;
  BrowserOutcome page_for(const PendingAuthorization& pending, BrowserOutcome::Kind kind,
                          int status, std::string message, std::string email);
  std::optional<std::string> throttled(const std::string& email, const std::string& address,
                                       std::int64_t now);
  RegisteredClient authenticate(const PresentedClient& presented);
  std::optional<boost::json::object> own_token_claims(std::string_view token);

  AuthStore& store_;
  KeyRing& keys_;
  const PasswordHasher& hasher_;
  ProviderSettings settings_;
  ClientCache clients_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
};

}  // namespace auth
