// The protocol endpoints: /oauth2/token (three grants), /oauth2/revoke and
// /userinfo.
#include <boost/json.hpp>

#include "domain/pkce.h"
#include "domain/secret_digest.h"
#include "domain/token_claims.h"
#include "platform/auth/jwt.h"
#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/log.h"
#include "provider/oauth_error.h"
#include "provider/provider.h"

namespace auth {
namespace {

std::string required(const Parameters& form, std::string_view name) {
  auto value = single_field(form, name);
  if (!value || value->empty()) {
    throw OAuthError("invalid_request", std::string(name) + " is required exactly once");
  }
  return *value;
}

OAuthError invalid_grant(const std::string& why) { return OAuthError("invalid_grant", why); }

Scopes parse_scope(const std::string& text) {
  auto scopes = Scopes::parse(text);
  if (!scopes) throw OAuthError("invalid_scope", "scope is malformed");
  return *scopes;
}

std::int64_t seconds(std::chrono::seconds duration) { return duration.count(); }

}  // namespace

OpenIdProvider::OpenIdProvider(AuthStore& store, KeyRing& keys, const PasswordHasher& hasher,
                               ProviderSettings settings)
    : store_(store),
      keys_(keys),
      hasher_(hasher),
      settings_(std::move(settings)),
      clients_(store, std::chrono::seconds(5)) {
  platform::auth::VerifierOptions options;
  options.issuer = settings_.issuer;
  options.audience = settings_.audience;
  // The keys are this process's own: reread them whenever a token names one
  // the verifier has not seen (another replica rotated).
  options.key_refresh_interval = std::chrono::seconds(60);
  options.min_refetch_interval = std::chrono::seconds(1);
  verifier_ = std::make_shared<const platform::auth::TokenVerifier>(
      options, [this] { return keys_.jwks(); });
}

OpenIdProvider::~OpenIdProvider() = default;

RegisteredClient OpenIdProvider::authenticate(const PresentedClient& presented) {
  if (presented.id.empty()) throw OAuthError("invalid_client", "client authentication failed", 401);
  auto client = clients_.find(presented.id);
  const bool authenticated =
      client &&
      (client->is_public() ? !presented.secret.has_value()
                           : presented.secret && client_secret_matches(*client, *presented.secret));
  if (!authenticated) throw OAuthError("invalid_client", "client authentication failed", 401);
  return *client;
}

// The tokens of one response: one client, one signing key, one moment.
class OpenIdProvider::Minter {
 public:
  Minter(const ProviderSettings& settings, platform::auth::SigningKey key,
         const RegisteredClient& client)
      : settings_(settings),
        key_(std::move(key)),
        client_(client),
        now_millis_(platform::now_unix_millis()) {}

  std::int64_t now_millis() const { return now_millis_; }
  const RegisteredClient& client() const { return client_; }

  std::string access_token(const std::string& subject, const Scopes& scope,
                           const std::vector<std::string>& roles) const {
    return platform::auth::sign_jwt(
        key_,
        access_token_claims(issuance(settings_.access_token_lifetime), settings_.audience, subject,
                            client_.id, scope, roles),
        "at+jwt");
  }

  // Access token, ID token when `openid` was granted, refresh token if any.
  boost::json::object for_user(const User& user, const Scopes& scope,
                               const std::optional<std::string>& nonce, std::int64_t auth_time,
                               const std::optional<std::string>& refresh_token) const {
    auto response = bearer(access_token(user.id, scope, user.roles), scope);
    if (scope.contains("openid")) {
      response["id_token"] =
          platform::auth::sign_jwt(key_,
                                   id_token_claims(issuance(settings_.id_token_lifetime), user,
                                                   client_.id, scope, nonce, auth_time),
                                   "JWT");
    }
    if (refresh_token) response["refresh_token"] = *refresh_token;
    return response;
  }

  boost::json::object for_service(const Scopes& scope) const {
    return bearer(access_token(client_.id, scope, {}), scope);
  }

  // A refresh token unused this long expires, and never outlives its family.
  std::int64_t refresh_expiry(std::int64_t family_expires_at) const {
    return std::min(
        family_expires_at,
        now_millis_ + std::chrono::milliseconds(settings_.refresh_idle_lifetime).count());
  }

 private:
  Issuance issuance(std::chrono::seconds lifetime) const {
    return {settings_.issuer, now_millis_ / 1000, seconds(lifetime), platform::new_uuid_v7()};
  }

  boost::json::object bearer(std::string access_token, const Scopes& scope) const {
    return {{"access_token", std::move(access_token)},
            {"token_type", "Bearer"},
            {"expires_in", seconds(settings_.access_token_lifetime)},
            {"scope", scope.to_string()}};
  }

  const ProviderSettings& settings_;
  platform::auth::SigningKey key_;
  const RegisteredClient& client_;
  std::int64_t now_millis_;
};

boost::json::object OpenIdProvider::token(const Parameters& form,
                                          const PresentedClient& presented) {
  for (const auto& [key, value] : form) {
    if (!single_field(form, key)) throw OAuthError("invalid_request", key + " is repeated");
  }
  const auto grant_type = required(form, "grant_type");
  const auto client = authenticate(presented);
  if (grant_type != "authorization_code" && grant_type != "refresh_token" &&
      grant_type != "client_credentials") {
    throw OAuthError("unsupported_grant_type", "grant_type " + grant_type + " is not supported");
  }
  if (!client.allows_grant(grant_type)) {
    throw OAuthError("unauthorized_client", "this client may not use " + grant_type);
  }
  const Minter minter(settings_, keys_.signing_key(), client);
  if (grant_type == "authorization_code") return redeem_code(form, minter);
  if (grant_type == "refresh_token") return refresh(form, minter);
  return client_credentials(form, minter);
}

User OpenIdProvider::active_user(const std::string& id) {
  auto user = store_.find_user(id);
  if (!user || user->status != "active") throw invalid_grant("the account no longer exists");
  return *user;
}

boost::json::object OpenIdProvider::redeem_code(const Parameters& form, const Minter& minter) {
  const auto& client = minter.client();
  const auto code = required(form, "code");
  const auto redirect_uri = required(form, "redirect_uri");
  const auto verifier = required(form, "code_verifier");
  const auto [outcome, grant] =
      store_.redeem_code(secret_digest(code), client.id, minter.now_millis());
  if (outcome == Redemption::reused) {
    platform::log::warn("authorization code reused; its tokens are revoked",
                        {{"client", client.id}});
    throw invalid_grant("the authorization code was already used");
  }
  if (outcome != Redemption::redeemed) throw invalid_grant("the authorization code is not valid");
  if (grant->redirect_uri != redirect_uri) throw invalid_grant("redirect_uri does not match");
  if (!pkce_matches(verifier, grant->code_challenge)) {
    throw invalid_grant("code_verifier does not match the code challenge");
  }
  const auto user = active_user(grant->user_id);
  std::optional<std::string> refresh_token;
  if (client.allows_grant("refresh_token") && grant->scope.contains("offline_access")) {
    refresh_token = platform::crypto::random_token();
    RefreshGrant refresh;
    refresh.token_hash = secret_digest(*refresh_token);
    refresh.family_id = grant->family_id;
    refresh.client_id = client.id;
    refresh.user_id = user.id;
    refresh.scope = grant->scope;
    refresh.session_hash = grant->session_hash;
    refresh.auth_time = grant->auth_time;
    refresh.family_expires_at =
        minter.now_millis() +
        std::chrono::milliseconds(settings_.refresh_absolute_lifetime).count();
    refresh.expires_at = minter.refresh_expiry(refresh.family_expires_at);
    store_.save_refresh_token(refresh);
  }
  return minter.for_user(user, grant->scope, grant->nonce, grant->auth_time, refresh_token);
}

boost::json::object OpenIdProvider::refresh(const Parameters& form, const Minter& minter) {
  const auto& client = minter.client();
  const auto presented_token = required(form, "refresh_token");
  const auto narrowed = single_field(form, "scope");
  const auto next_token = platform::crypto::random_token();
  const auto [outcome, next] = store_.rotate_refresh_token(
      secret_digest(presented_token), client.id, minter.now_millis(),
      [&](const RefreshGrant& spent) {
        RefreshGrant successor = spent;
        successor.token_hash = secret_digest(next_token);
        if (narrowed) {
          successor.scope = parse_scope(*narrowed);
          if (!successor.scope.is_subset_of(spent.scope)) {
            throw OAuthError("invalid_scope", "a refresh cannot widen the scope");
          }
        }
        successor.expires_at = minter.refresh_expiry(spent.family_expires_at);
        return successor;
      });
  if (outcome == Redemption::reused) {
    platform::log::warn("refresh token reused; its family is revoked", {{"client", client.id}});
    throw invalid_grant("the refresh token was already used");
  }
  if (outcome != Redemption::redeemed) throw invalid_grant("the refresh token is not valid");
  const auto user = active_user(next->user_id);
  return minter.for_user(user, next->scope, std::nullopt, next->auth_time, next_token);
}

// A service acting as itself, never on a user's behalf: only the client's
// service scopes, no refresh token.
boost::json::object OpenIdProvider::client_credentials(const Parameters& form,
                                                       const Minter& minter) {
  const auto& client = minter.client();
  if (client.is_public()) {
    throw OAuthError("unauthorized_client", "public clients have no credentials");
  }
  std::vector<std::string> granted;
  for (const auto& scope : client.scopes.items()) {
    if (!user_scopes().contains(scope)) granted.push_back(scope);
  }
  const auto service_scopes = Scopes::of(std::move(granted));
  const auto requested = single_field(form, "scope");
  const auto scope = requested ? parse_scope(*requested) : service_scopes;
  if (!scope.is_subset_of(service_scopes)) {
    throw OAuthError("invalid_scope", "a requested scope is not granted to this client");
  }
  return minter.for_service(scope);
}

std::optional<boost::json::object> OpenIdProvider::own_token_claims(std::string_view token) {
  try {
    const auto decoded = platform::auth::decode_jwt(token);
    const auto* kid = decoded.header.if_contains("kid");
    if (kid == nullptr || !kid->is_string()) return std::nullopt;
    for (const auto& key : keys_.public_keys()) {
      if (key.key_id() != kid->get_string()) continue;
      const auto* issuer = decoded.claims.if_contains("iss");
      if (!platform::auth::verify_signature(decoded, key) || issuer == nullptr ||
          !issuer->is_string() || issuer->get_string() != settings_.issuer) {
        return std::nullopt;
      }
      return decoded.claims;
    }
  } catch (const platform::Error&) {
    // Malformed: not one of ours.
  }
  return std::nullopt;
}

void OpenIdProvider::revoke(const Parameters& form, const PresentedClient& presented) {
  const auto token = required(form, "token");
  const auto client = authenticate(presented);
  const auto now = platform::now_unix_millis();
  // RFC 7009: the hint is only a hint; both kinds are tried. Unknown tokens
  // and other clients' tokens are answered like revoked ones.
  if (store_.revoke_refresh_family(secret_digest(token), client.id, now)) return;
  const auto claims = own_token_claims(token);
  if (!claims) return;
  const auto* client_id = claims->if_contains("client_id");
  const auto* token_id = claims->if_contains("jti");
  const auto* expires = claims->if_contains("exp");
  if (client_id == nullptr || !client_id->is_string() || client_id->get_string() != client.id ||
      token_id == nullptr || !token_id->is_string() || expires == nullptr || !expires->is_int64()) {
    return;
  }
  store_.revoke_access_token(std::string(token_id->get_string()), expires->get_int64() * 1000);
}

boost::json::object OpenIdProvider::user_info(std::string_view access_token) {
  platform::auth::Caller caller;
  try {
    caller = verifier_->verify(access_token);
  } catch (const platform::Error& error) {
    throw OAuthError("invalid_token", error.what(), 401);
  }
  if (store_.is_access_token_revoked(caller.token_id)) {
    throw OAuthError("invalid_token", "the token was revoked", 401);
  }
  if (caller.is_service() || !caller.has_scope("openid")) {
    throw OAuthError("insufficient_scope", "the token was not granted openid", 403);
  }
  const auto user = store_.find_user(caller.subject);
  if (!user || user->status != "active") {
    throw OAuthError("invalid_token", "the account no longer exists", 401);
  }
  return auth::user_info(*user, Scopes::of(caller.scopes));
}

}  // namespace auth
