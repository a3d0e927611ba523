// The browser side of the provider: the authorization endpoint, signing in
// and up, and handing the client its code.
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include "domain/email.h"
#include "domain/password_policy.h"
#include "domain/secret_digest.h"
#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/log.h"
#include "provider/provider.h"

namespace auth {
namespace {

using Kind = BrowserOutcome::Kind;

constexpr const char* kWrongCredentials = "The email or the password is not right.";
constexpr const char* kThrottled =
    "Too many attempts to sign in. Wait a few minutes before trying again.";
constexpr const char* kExpired =
    "This sign-in page has expired. Go back to the shop and sign in again.";

BrowserOutcome error_page(int status, std::string message) {
  BrowserOutcome outcome;
  outcome.kind = Kind::error_page;
  outcome.status = status;
  outcome.message = std::move(message);
  return outcome;
}

BrowserOutcome redirect_to(std::string location) {
  BrowserOutcome outcome;
  outcome.kind = Kind::redirect;
  outcome.status = 303;
  outcome.location = std::move(location);
  return outcome;
}

}  // namespace

std::string OpenIdProvider::code_redirect(const std::string& redirect_uri, const std::string& code,
                                          const std::optional<std::string>& state) const {
  boost::urls::url url(redirect_uri);
  url.params().append({"code", code});
  if (state) url.params().append({"state", *state});
  url.params().append({"iss", settings_.issuer});  // RFC 9207: mix-up defence
  return std::string(url.buffer());
}

std::string OpenIdProvider::error_redirect(const std::string& redirect_uri,
                                           const std::string& error, const std::string& description,
                                           const std::optional<std::string>& state) const {
  boost::urls::url url(redirect_uri);
  url.params().append({"error", error});
  url.params().append({"error_description", description});
  if (state) url.params().append({"state", *state});
  url.params().append({"iss", settings_.issuer});
  return std::string(url.buffer());
}

std::string OpenIdProvider::issue_code(const std::string& client_id, const std::string& user_id,
                                       const std::string& redirect_uri, const Scopes& scope,
                                       const std::optional<std::string>& nonce,
                                       const std::string& code_challenge,
                                       const std::string& session_hash, std::int64_t auth_time) {
  const auto code = platform::crypto::random_token();
  CodeGrant grant;
  grant.code_hash = secret_digest(code);
  grant.client_id = client_id;
  grant.user_id = user_id;
  grant.redirect_uri = redirect_uri;
  grant.scope = scope;
  grant.nonce = nonce;
  grant.code_challenge = code_challenge;
  grant.session_hash = session_hash;
  grant.auth_time = auth_time;
  grant.family_id = platform::new_uuid_v7();
  grant.expires_at =
      platform::now_unix_millis() + std::chrono::milliseconds(settings_.code_lifetime).count();
  store_.save_code(grant);
  return code;
}

BrowserOutcome OpenIdProvider::authorize(const Parameters& query,
                                         const std::optional<std::string>& session) {
  const auto client_id = single_field(query, "client_id");
  const auto client = client_id ? clients_.find(*client_id) : std::nullopt;
  auto validated = validate_authorization(query, client ? &*client : nullptr);
  if (const auto* error = std::get_if<AuthorizationError>(&validated)) {
    if (!error->to_client) return error_page(400, error->description);
    return redirect_to(error_redirect(*single_field(query, "redirect_uri"), error->error,
                                      error->description, single_field(query, "state")));
  }
  const auto& request = std::get<AuthorizationRequest>(validated);
  const auto now = platform::now_unix_millis();

  if (session && request.prompt != "login" && request.prompt != "create") {
    const auto signed_in = store_.find_session(secret_digest(*session), now);
    const bool fresh_enough = signed_in && (!request.max_age || now - signed_in->authenticated_at <=
                                                                    *request.max_age * 1000);
    if (fresh_enough) {
      const auto code = issue_code(request.client_id, signed_in->user_id, request.redirect_uri,
                                   request.scope, request.nonce, request.code_challenge,
                                   signed_in->id_hash, signed_in->authenticated_at / 1000);
      return redirect_to(code_redirect(request.redirect_uri, code, request.state));
    }
  }
  if (request.prompt == "none") {
    return redirect_to(error_redirect(request.redirect_uri, "login_required",
                                      "the user is not signed in", request.state));
  }

  PendingAuthorization pending;
  pending.id = platform::crypto::random_token(16);
  const auto binding = platform::crypto::random_token();
  pending.binding_hash = secret_digest(binding);
  pending.client_id = request.client_id;
  pending.redirect_uri = request.redirect_uri;
  pending.scope = request.scope;
  pending.state = request.state;
  pending.nonce = request.nonce;
  pending.code_challenge = request.code_challenge;
  pending.expires_at = now + std::chrono::milliseconds(settings_.sign_in_page_lifetime).count();
  store_.park_authorization(pending);

  auto outcome =
      page_for(pending, request.prompt == "create" ? Kind::sign_up_page : Kind::sign_in_page, 200,
               "", request.login_hint.value_or(""));
  outcome.client_name = client->name;
  outcome.new_flow_binding = binding;
  return outcome;
}

BrowserOutcome OpenIdProvider::page_for(const PendingAuthorization& pending, Kind kind, int status,
                                        std::string message, std::string email) {
  BrowserOutcome outcome;
  outcome.kind = kind;
  outcome.status = status;
  outcome.pending_id = pending.id;
  outcome.redirect_origin = origin_of(pending.redirect_uri);
  outcome.message = std::move(message);
  outcome.email = std::move(email);
  if (const auto client = clients_.find(pending.client_id)) outcome.client_name = client->name;
  return outcome;
}

BrowserOutcome OpenIdProvider::sign_up_page(const std::string& pending_id) {
  const auto pending = store_.find_pending(pending_id, platform::now_unix_millis());
  if (!pending) return error_page(400, kExpired);
  return page_for(*pending, Kind::sign_up_page, 200, "", "");
}

std::optional<std::string> OpenIdProvider::throttled(const std::string& email,
                                                     const std::string& address, std::int64_t now) {
  // The account key is the address typed, existing or not, so that blocking
  // tells nothing about which accounts exist.
  if (is_blocked(store_.throttle_state("account:" + email), now) ||
      is_blocked(store_.throttle_state("address:" + address), now)) {
    return kThrottled;
  }
  return std::nullopt;
}

BrowserOutcome OpenIdProvider::sign_in(const std::string& pending_id,
                                       const std::optional<std::string>& binding,
                                       const std::string& email, const std::string& password,
                                       const std::string& address) {
  const auto now = platform::now_unix_millis();
  const auto pending = store_.find_pending(pending_id, now);
  if (!pending || !binding ||
      !platform::crypto::constant_time_equal(secret_digest(*binding), pending->binding_hash)) {
    return error_page(400, kExpired);
  }
  const auto normalized = normalize_email(email).value_or(email);
  if (auto message = throttled(normalized, address, now)) {
    return page_for(*pending, Kind::sign_in_page, 429, *message, email);
  }

  const auto account = store_.find_credentials(normalized);
  const bool valid = account ? hasher_.verify(account->second, password)
                             : (hasher_.verify_nothing(password), false);
  if (!valid) {
    store_.record_failure("account:" + normalized, settings_.account_throttle, now);
    store_.record_failure("address:" + address, settings_.address_throttle, now);
    platform::log::info("sign-in refused", {{"client", pending->client_id}});
    return page_for(*pending, Kind::sign_in_page, 401, kWrongCredentials, email);
  }
  store_.clear_failures("account:" + normalized);
  const auto& user = account->first;
  if (hasher_.needs_rehash(account->second)) {
    store_.set_password_hash(user.id, hasher_.hash(password));
  }
  platform::log::info("signed in", {{"user", user.id}, {"client", pending->client_id}});
  return complete_sign_in(*pending, user, platform::crypto::random_token(), now / 1000);
}

BrowserOutcome OpenIdProvider::sign_up(const std::string& pending_id,
                                       const std::optional<std::string>& binding,
                                       const std::string& name, const std::string& email,
                                       const std::string& password, const std::string& address) {
  const auto now = platform::now_unix_millis();
  const auto pending = store_.find_pending(pending_id, now);
  if (!pending || !binding ||
      !platform::crypto::constant_time_equal(secret_digest(*binding), pending->binding_hash)) {
    return error_page(400, kExpired);
  }
  if (is_blocked(store_.throttle_state("sign-up:" + address), now)) {
    return page_for(*pending, Kind::sign_up_page, 429,
                    "Too many accounts were created from your network. Try again later.", email);
  }
  const auto normalized = normalize_email(email);
  if (!normalized) {
    return page_for(*pending, Kind::sign_up_page, 400, "Enter a valid email address.", email);
  }
  const auto trimmed_name = name.substr(0, std::min<std::size_t>(name.size(), 200));
  if (trimmed_name.find_first_not_of(" \t") == std::string::npos) {
    return page_for(*pending, Kind::sign_up_page, 400, "Enter your name.", email);
  }
  if (auto problem = password_problem(password, *normalized, settings_.password_policy)) {
    return page_for(*pending, Kind::sign_up_page, 400, *problem, email);
  }
  // Every attempt counts, so that sign-up cannot be used to probe for
  // registered addresses faster than sign-in could.
  store_.record_failure("sign-up:" + address, settings_.sign_up_throttle, now);

  User user;
  user.id = platform::new_uuid_v7();
  user.email = *normalized;
  user.name = trimmed_name;
  user.roles = {std::string(kCustomerRole)};
  user.created_at = now;
  try {
    user = store_.create_user(user, hasher_.hash(password));
  } catch (const platform::Error& error) {
    if (error.code() != "email-taken") throw;
    return page_for(*pending, Kind::sign_up_page, 409,
                    "An account with this email already exists. Sign in instead.", email);
  }
  platform::log::info("account created", {{"user", user.id}, {"client", pending->client_id}});
  return complete_sign_in(*pending, user, platform::crypto::random_token(), now / 1000);
}

BrowserOutcome OpenIdProvider::complete_sign_in(const PendingAuthorization& pending,
                                                const User& user, const std::string& new_session,
                                                std::int64_t auth_time) {
  const auto now = platform::now_unix_millis();
  BrowserSession session{secret_digest(new_session), user.id, now,
                         now + std::chrono::milliseconds(settings_.session_lifetime).count()};
  store_.create_session(session);
  store_.drop_pending(pending.id);
  const auto code = issue_code(pending.client_id, user.id, pending.redirect_uri, pending.scope,
                               pending.nonce, pending.code_challenge, session.id_hash, auth_time);
  auto outcome = redirect_to(code_redirect(pending.redirect_uri, code, pending.state));
  outcome.new_session = new_session;
  return outcome;
}

BrowserOutcome OpenIdProvider::end_session(const Parameters& query,
                                           const std::optional<std::string>& session) {
  const auto hint = single_field(query, "id_token_hint");
  auto client_id = single_field(query, "client_id");
  if (hint) {
    const auto claims = own_token_claims(*hint);
    if (!claims) return error_page(400, "The sign-out request is not valid.");
    const auto* audience = claims->if_contains("aud");
    if (audience == nullptr || !audience->is_string()) {
      return error_page(400, "The sign-out request is not valid.");
    }
    const std::string hinted(audience->get_string());
    if (client_id && *client_id != hinted) {
      return error_page(400, "The sign-out request is not valid.");
    }
    client_id = hinted;
  }
  const auto redirect = single_field(query, "post_logout_redirect_uri");
  if (redirect) {
    const auto client = client_id ? clients_.find(*client_id) : std::nullopt;
    if (!client || !client->has_post_logout_redirect_uri(*redirect)) {
      return error_page(400,
                        "The application asked to return you to an address it has not "
                        "registered.");
    }
  }
  if (session) store_.end_session(secret_digest(*session), platform::now_unix_millis());

  BrowserOutcome outcome;
  if (redirect) {
    boost::urls::url url(*redirect);
    if (const auto state = single_field(query, "state")) url.params().append({"state", *state});
    outcome = redirect_to(std::string(url.buffer()));
  } else {
    outcome.kind = Kind::signed_out_page;
  }
  outcome.clear_session = true;
  return outcome;
}

}  // namespace auth
