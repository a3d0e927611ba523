#include "store/auth_store.h"

#include <boost/json.hpp>

#include "platform/bus/outbox.h"
#include "platform/clock.h"
#include "platform/error.h"

namespace auth {

using platform::db::Row;
using platform::db::Session;

AuthStore::AuthStore(platform::db::Database& database,
                     platform::bus::OutboxTransactions::Committed committed)
    : database_(database), transactions_(database, std::move(committed)) {}

template <class Work>
auto AuthStore::write(Work&& work) {
  return transactions_.write(std::forward<Work>(work));
}

namespace {

std::vector<std::string> split_words(const std::string& text) {
  const auto scopes = Scopes::parse(text);
  return scopes ? scopes->items() : std::vector<std::string>{};
}

std::string join_words(const std::vector<std::string>& words) {
  return Scopes::of(words).to_string();
}

std::string to_json_array(const std::vector<std::string>& items) {
  boost::json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return boost::json::serialize(array);
}

std::vector<std::string> from_json_array(const std::string& text) {
  std::vector<std::string> items;
  const auto document = boost::json::parse(text);
  for (const auto& item : document.as_array()) items.emplace_back(item.as_string());
  return items;
}

constexpr const char* kUserColumns = "id, email, name, roles, status, created_at";

User read_user(const Row& row) {
  User user;
  user.id = row.get<std::string>(0);
  user.email = row.get<std::string>(1);
  user.name = row.get<std::string>(2);
  user.roles = split_words(row.get<std::string>(3));
  user.status = row.get<std::string>(4);
  user.created_at = row.get<std::int64_t>(5);
  return user;
}

std::optional<User> user_where(Session& session, const char* condition, const std::string& key) {
  const auto result =
      session.run(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + condition, key);
  if (result.empty()) return std::nullopt;
  return read_user(result.front());
}

platform::bus::Event registered_event(const User& user) {
  const boost::json::object data{
      {"user_id", user.id},
      {"email", user.email},
      {"name", user.name},
      {"registered_at", platform::format_rfc3339(platform::from_unix_millis(user.created_at))}};
  return platform::bus::make_event("auth.user.registered", boost::json::serialize(data));
}

constexpr const char* kClientColumns =
    "id, name, secret_hash, redirect_uris, post_logout_redirect_uris, grant_types, scopes";

RegisteredClient read_client(const Row& row) {
  RegisteredClient client;
  client.id = row.get<std::string>(0);
  client.name = row.get<std::string>(1);
  client.secret_hash = row.get<std::optional<std::string>>(2);
  client.redirect_uris = from_json_array(row.get<std::string>(3));
  client.post_logout_redirect_uris = from_json_array(row.get<std::string>(4));
  client.grant_types = split_words(row.get<std::string>(5));
  client.scopes = Scopes::of(split_words(row.get<std::string>(6)));
  return client;
}

constexpr const char* kCodeColumns =
    "code_hash, client_id, user_id, redirect_uri, scope, nonce, code_challenge, session_hash, "
    "auth_time, family_id, expires_at, used_at";

CodeGrant read_code(const Row& row) {
  CodeGrant grant;
  grant.code_hash = row.get<std::string>(0);
  grant.client_id = row.get<std::string>(1);
  grant.user_id = row.get<std::string>(2);
  grant.redirect_uri = row.get<std::string>(3);
  grant.scope = Scopes::of(split_words(row.get<std::string>(4)));
  grant.nonce = row.get<std::optional<std::string>>(5);
  grant.code_challenge = row.get<std::string>(6);
  grant.session_hash = row.get<std::string>(7);
  grant.auth_time = row.get<std::int64_t>(8);
  grant.family_id = row.get<std::string>(9);
  grant.expires_at = row.get<std::int64_t>(10);
  return grant;
}

constexpr const char* kRefreshColumns =
    "token_hash, family_id, client_id, user_id, scope, session_hash, auth_time, expires_at, "
    "family_expires_at, used_at, revoked_at";

RefreshGrant read_refresh(const Row& row) {
  RefreshGrant grant;
  grant.token_hash = row.get<std::string>(0);
  grant.family_id = row.get<std::string>(1);
  grant.client_id = row.get<std::string>(2);
  grant.user_id = row.get<std::string>(3);
  grant.scope = Scopes::of(split_words(row.get<std::string>(4)));
  grant.session_hash = row.get<std::string>(5);
  grant.auth_time = row.get<std::int64_t>(6);
  grant.expires_at = row.get<std::int64_t>(7);
  grant.family_expires_at = row.get<std::int64_t>(8);
  return grant;
}

void revoke_family(Session& session, const std::string& family_id, std::int64_t now) {
  session.run(
      "UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL",
      family_id, now);
}

void insert_refresh(Session& session, const RefreshGrant& grant) {
  session.run(
      "INSERT INTO refresh_tokens (token_hash, family_id, client_id, user_id, scope, "
      "session_hash, auth_time, expires_at, family_expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      grant.token_hash, grant.family_id, grant.client_id, grant.user_id, grant.scope.to_string(),
      grant.session_hash, grant.auth_time, grant.expires_at, grant.family_expires_at);
}

}  // namespace

// ---- users -------------------------------------------------------------------

User AuthStore::create_user(const User& user, const std::string& password_hash) {
  return write([&](Session& session) {
    if (user_where(session, "email = $1", user.email)) {
      throw platform::conflict("email-taken", "an account with this email exists");
    }
    try {
      session.run(
          "INSERT INTO users (id, email, password_hash, name, roles, status, created_at, "
          "updated_at) VALUES ($1, $2, $3, $4, $5, 'active', $6, $6)",
          user.id, user.email, password_hash, user.name, join_words(user.roles), user.created_at);
    } catch (const platform::Error& error) {
      if (error.code() == "duplicate") {
        throw platform::conflict("email-taken", "an account with this email exists");
      }
      throw;
    }
    platform::bus::Outbox::add(session, registered_event(user));
    User created = user;
    created.status = "active";
    return created;
  });
}

std::optional<User> AuthStore::find_user(const std::string& id) {
  return database_.read([&](Session& session) { return user_where(session, "id = $1", id); });
}

std::optional<User> AuthStore::find_user_by_email(const std::string& email) {
  return database_.read([&](Session& session) { return user_where(session, "email = $1", email); });
}

std::optional<std::pair<User, std::string>> AuthStore::find_credentials(const std::string& email) {
  return database_.read([&](Session& session) -> std::optional<std::pair<User, std::string>> {
    const auto result =
        session.run(std::string("SELECT ") + kUserColumns +
                        ", password_hash FROM users WHERE email = $1 AND status = 'active' "
                        "AND password_hash IS NOT NULL",
                    email);
    if (result.empty()) return std::nullopt;
    return std::pair{read_user(result.front()), result.front().get<std::string>(6)};
  });
}

void AuthStore::set_password_hash(const std::string& user_id, const std::string& password_hash) {
  database_.write([&](Session& session) {
    session.run("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1", user_id,
                password_hash, platform::now_unix_millis());
  });
}

bool AuthStore::set_roles(const std::string& user_id, const std::vector<std::string>& roles) {
  return database_.write([&](Session& session) {
    return session
               .run(
                   "UPDATE users SET roles = $2, updated_at = $3 WHERE id = $1 AND "
                   "status = 'active'",
                   user_id, join_words(roles), platform::now_unix_millis())
               .affected_rows() == 1;
  });
}

namespace {

void end_sessions_and_tokens(Session& session, const std::string& user_id, std::int64_t now) {
  session.run(
      "UPDATE browser_sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
      user_id, now);
  session.run("UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
              user_id, now);
}

}  // namespace

void AuthStore::sign_out_everywhere(const std::string& user_id, std::int64_t now) {
  database_.write([&](Session& session) { end_sessions_and_tokens(session, user_id, now); });
}

bool AuthStore::erase_user(const std::string& user_id, std::int64_t now) {
  return database_.write([&](Session& session) { return erase_user(session, user_id, now); });
}

bool AuthStore::erase_user(Session& session, const std::string& user_id, std::int64_t now) {
  const bool erased =
      session
          .run(
              "UPDATE users SET email = $2, name = '', password_hash = NULL, roles = '', "
              "status = 'erased', updated_at = $3 WHERE id = $1 AND status = 'active'",
              user_id, "erased-" + user_id + "@erased.invalid", now)
          .affected_rows() == 1;
  if (erased) end_sessions_and_tokens(session, user_id, now);
  return erased;
}

// ---- clients -----------------------------------------------------------------

void AuthStore::save_client(const RegisteredClient& client, std::int64_t now) {
  database_.write([&](Session& session) {
    session.run(
        "INSERT INTO clients (id, name, secret_hash, redirect_uris, post_logout_redirect_uris, "
        "grant_types, scopes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, secret_hash = excluded.secret_hash, "
        "redirect_uris = excluded.redirect_uris, "
        "post_logout_redirect_uris = excluded.post_logout_redirect_uris, "
        "grant_types = excluded.grant_types, scopes = excluded.scopes",
        client.id, client.name, client.secret_hash, to_json_array(client.redirect_uris),
        to_json_array(client.post_logout_redirect_uris), join_words(client.grant_types),
        client.scopes.to_string(), now);
  });
}

std::optional<RegisteredClient> AuthStore::find_client(const std::string& id) {
  return database_.read([&](Session& session) -> std::optional<RegisteredClient> {
    const auto result =
        session.run(std::string("SELECT ") + kClientColumns + " FROM clients WHERE id = $1", id);
    if (result.empty()) return std::nullopt;
    return read_client(result.front());
  });
}

std::vector<RegisteredClient> AuthStore::list_clients() {
  return database_.read([&](Session& session) {
    std::vector<RegisteredClient> clients;
    for (const auto& row :
         session.run(std::string("SELECT ") + kClientColumns + " FROM clients ORDER BY id")) {
      clients.push_back(read_client(row));
    }
    return clients;
  });
}

bool AuthStore::delete_client(const std::string& id) {
  return database_.write([&](Session& session) {
    return session.run("DELETE FROM clients WHERE id = $1", id).affected_rows() == 1;
  });
}

// ---- signing keys ------------------------------------------------------------

std::vector<StoredKey> AuthStore::keys_published_at(std::int64_t now) {
  return database_.read([&](Session& session) {
    std::vector<StoredKey> keys;
    for (const auto& row : session.run(
             "SELECT id, algorithm, sealed_private_key, signs_from, signs_until, published_until "
             "FROM signing_keys WHERE published_until > $1 ORDER BY signs_from",
             now)) {
      keys.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                      row.get<std::int64_t>(3), row.get<std::int64_t>(4),
                      row.get<std::int64_t>(5)});
    }
    return keys;
  });
}

bool AuthStore::add_key(const StoredKey& key) {
  return database_.write([&](Session& session) {
    return session
               .run(
                   "INSERT INTO signing_keys (id, algorithm, sealed_private_key, signs_from, "
                   "signs_until, published_until) VALUES ($1, $2, $3, $4, $5, $6) "
                   "ON CONFLICT DO NOTHING",
                   key.id, key.algorithm, key.sealed_private_key, key.signs_from, key.signs_until,
                   key.published_until)
               .affected_rows() == 1;
  });
}

void AuthStore::delete_keys_retired_before(std::int64_t now) {
  database_.write([&](Session& session) {
    session.run("DELETE FROM signing_keys WHERE published_until <= $1", now);
  });
}

// ---- browser sessions ----------------------------------------------------------

void AuthStore::create_session(const BrowserSession& browser_session) {
  database_.write([&](Session& session) {
    session.run(
        "INSERT INTO browser_sessions (id_hash, user_id, authenticated_at, expires_at) "
        "VALUES ($1, $2, $3, $4)",
        browser_session.id_hash, browser_session.user_id, browser_session.authenticated_at,
        browser_session.expires_at);
  });
}

std::optional<BrowserSession> AuthStore::find_session(const std::string& id_hash,
                                                      std::int64_t now) {
  return database_.read([&](Session& session) -> std::optional<BrowserSession> {
    const auto result = session.run(
        "SELECT s.id_hash, s.user_id, s.authenticated_at, s.expires_at FROM browser_sessions s "
        "JOIN users u ON u.id = s.user_id "
        "WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 "
        "AND u.status = 'active'",
        id_hash, now);
    if (result.empty()) return std::nullopt;
    const auto& row = result.front();
    return BrowserSession{row.get<std::string>(0), row.get<std::string>(1),
                          row.get<std::int64_t>(2), row.get<std::int64_t>(3)};
  });
}

void AuthStore::end_session(const std::string& id_hash, std::int64_t now) {
  database_.write([&](Session& session) {
    session.run(
        "UPDATE browser_sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL",
        id_hash, now);
    session.run(
        "UPDATE refresh_tokens SET revoked_at = $2 WHERE session_hash = $1 AND revoked_at IS NULL",
        id_hash, now);
  });
}

// ---- pending authorizations -----------------------------------------------------

void AuthStore::park_authorization(const PendingAuthorization& pending) {
  database_.write([&](Session& session) {
    session.run(
        "INSERT INTO pending_authorizations (id, binding_hash, client_id, redirect_uri, scope, "
        "state, nonce, code_challenge, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        pending.id, pending.binding_hash, pending.client_id, pending.redirect_uri,
        pending.scope.to_string(), pending.state, pending.nonce, pending.code_challenge,
        pending.expires_at);
  });
}

std::optional<PendingAuthorization> AuthStore::find_pending(const std::string& id,
                                                            std::int64_t now) {
  return database_.read([&](Session& session) -> std::optional<PendingAuthorization> {
    const auto result = session.run(
        "SELECT id, binding_hash, client_id, redirect_uri, scope, state, nonce, code_challenge, "
        "expires_at FROM pending_authorizations WHERE id = $1 AND expires_at > $2",
        id, now);
    if (result.empty()) return std::nullopt;
    const auto& row = result.front();
    PendingAuthorization pending;
    pending.id = row.get<std::string>(0);
    pending.binding_hash = row.get<std::string>(1);
    pending.client_id = row.get<std::string>(2);
    pending.redirect_uri = row.get<std::string>(3);
    pending.scope = Scopes::of(split_words(row.get<std::string>(4)));
    pending.state = row.get<std::optional<std::string>>(5);
    pending.nonce = row.get<std::optional<std::string>>(6);
    pending.code_challenge = row.get<std::string>(7);
    pending.expires_at = row.get<std::int64_t>(8);
    return pending;
  });
}

void AuthStore::drop_pending(const std::string& id) {
  database_.write([&](Session& session) {
    session.run("DELETE FROM pending_authorizations WHERE id = $1", id);
  });
}

// ---- authorization codes ----------------------------------------------------------

void AuthStore::save_code(const CodeGrant& grant) {
  database_.write([&](Session& session) {
    session.run(
        "INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, scope, "
        "nonce, code_challenge, session_hash, auth_time, family_id, expires_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        grant.code_hash, grant.client_id, grant.user_id, grant.redirect_uri,
        grant.scope.to_string(), grant.nonce, grant.code_challenge, grant.session_hash,
        grant.auth_time, grant.family_id, grant.expires_at);
  });
}

std::pair<Redemption, std::optional<CodeGrant>> AuthStore::redeem_code(const std::string& code_hash,
                                                                       const std::string& client_id,
                                                                       std::int64_t now) {
  return database_.write([&](Session& session) -> std::pair<Redemption, std::optional<CodeGrant>> {
    const auto result = session.run(
        std::string("SELECT ") + kCodeColumns + " FROM authorization_codes WHERE code_hash = $1",
        code_hash);
    if (result.empty()) return {Redemption::unknown, std::nullopt};
    auto grant = read_code(result.front());
    if (grant.client_id != client_id) return {Redemption::wrong_client, std::nullopt};
    const bool spent =
        !result.front().is_null(11) ||
        session.run(
                   "UPDATE authorization_codes SET used_at = $2 WHERE code_hash = $1 AND "
                   "used_at IS NULL",
                   code_hash, now)
                .affected_rows() == 0;
    if (spent) {
      revoke_family(session, grant.family_id, now);
      return {Redemption::reused, std::nullopt};
    }
    if (grant.expires_at <= now) return {Redemption::expired, std::nullopt};
    return {Redemption::redeemed, std::move(grant)};
  });
}

// ---- refresh tokens ------------------------------------------------------------------

void AuthStore::save_refresh_token(const RefreshGrant& grant) {
  database_.write([&](Session& session) { insert_refresh(session, grant); });
}

std::pair<Redemption, std::optional<RefreshGrant>> AuthStore::rotate_refresh_token(
    const std::string& token_hash, const std::string& client_id, std::int64_t now,
    const std::function<RefreshGrant(const RefreshGrant& spent)>& successor) {
  return database_.write(
      [&](Session& session) -> std::pair<Redemption, std::optional<RefreshGrant>> {
        const auto result = session.run(
            std::string("SELECT ") + kRefreshColumns + " FROM refresh_tokens WHERE token_hash = $1",
            token_hash);
        if (result.empty()) return {Redemption::unknown, std::nullopt};
        const auto& row = result.front();
        const auto spent = read_refresh(row);
        if (spent.client_id != client_id) return {Redemption::wrong_client, std::nullopt};
        if (!row.is_null(10)) return {Redemption::expired, std::nullopt};  // revoked
        const bool reused =
            !row.is_null(9) ||
            session.run(
                       "UPDATE refresh_tokens SET used_at = $2 WHERE token_hash = $1 AND "
                       "used_at IS NULL",
                       token_hash, now)
                    .affected_rows() == 0;
        if (reused) {
          revoke_family(session, spent.family_id, now);
          return {Redemption::reused, std::nullopt};
        }
        if (spent.expires_at <= now || spent.family_expires_at <= now) {
          return {Redemption::expired, std::nullopt};
        }
        auto next = successor(spent);
        insert_refresh(session, next);
        return {Redemption::redeemed, std::move(next)};
      });
}

bool AuthStore::revoke_refresh_family(const std::string& token_hash, const std::string& client_id,
                                      std::int64_t now) {
  return database_.write([&](Session& session) {
    const auto result =
        session.run("SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND client_id = $2",
                    token_hash, client_id);
    if (result.empty()) return false;
    revoke_family(session, result.front().get<std::string>(0), now);
    return true;
  });
}

// ---- revoked access tokens ---------------------------------------------------------

void AuthStore::revoke_access_token(const std::string& token_id, std::int64_t expires_at) {
  database_.write([&](Session& session) {
    session.run(
        "INSERT INTO revoked_access_tokens (token_id, expires_at) VALUES ($1, $2) "
        "ON CONFLICT DO NOTHING",
        token_id, expires_at);
  });
}

bool AuthStore::is_access_token_revoked(const std::string& token_id) {
  return database_.read([&](Session& session) {
    return !session.run("SELECT 1 FROM revoked_access_tokens WHERE token_id = $1", token_id)
                .empty();
  });
}

// ---- sign-in throttling ----------------------------------------------------------------

ThrottleState AuthStore::throttle_state(const std::string& subject) {
  return database_.read([&](Session& session) {
    const auto result = session.run(
        "SELECT failures, window_started_at, blocked_until FROM sign_in_throttle "
        "WHERE subject = $1",
        subject);
    if (result.empty()) return ThrottleState{};
    const auto& row = result.front();
    return ThrottleState{row.get<int>(0), row.get<std::int64_t>(1), row.get<std::int64_t>(2)};
  });
}

void AuthStore::record_failure(const std::string& subject, const ThrottlePolicy& policy,
                               std::int64_t now) {
  database_.write([&](Session& session) {
    const auto result = session.run(
        "SELECT failures, window_started_at, blocked_until FROM sign_in_throttle "
        "WHERE subject = $1",
        subject);
    ThrottleState state{0, now, 0};
    if (!result.empty()) {
      const auto& row = result.front();
      state = {row.get<int>(0), row.get<std::int64_t>(1), row.get<std::int64_t>(2)};
    }
    const auto next = after_failure(state, policy, now);
    if (result.empty()) {
      session.run(
          "INSERT INTO sign_in_throttle (subject, failures, window_started_at, blocked_until) "
          "VALUES ($1, $2, $3, $4)",
          subject, next.failures, next.window_started_at, next.blocked_until);
    } else {
      session.run(
          "UPDATE sign_in_throttle SET failures = $2, window_started_at = $3, blocked_until = $4 "
          "WHERE subject = $1",
          subject, next.failures, next.window_started_at, next.blocked_until);
    }
  });
}

void AuthStore::clear_failures(const std::string& subject) {
  database_.write([&](Session& session) {
    session.run("DELETE FROM sign_in_throttle WHERE subject = $1", subject);
  });
}

std::int64_t AuthStore::delete_expired(std::int64_t now) {
  return database_.write([&](Session& session) {
    const std::int64_t day = 24LL * 3600 * 1000;
    std::int64_t deleted = 0;
    deleted += session.run("DELETE FROM authorization_codes WHERE expires_at <= $1", now - day)
                   .affected_rows();
    deleted += session.run("DELETE FROM pending_authorizations WHERE expires_at <= $1", now)
                   .affected_rows();
    deleted +=
        session.run("DELETE FROM browser_sessions WHERE expires_at <= $1", now).affected_rows();
    deleted += session
                   .run(
                       "DELETE FROM refresh_tokens WHERE family_expires_at <= $1 OR "
                       "(revoked_at IS NOT NULL AND revoked_at <= $2)",
                       now, now - day)
                   .affected_rows();
    deleted += session.run("DELETE FROM revoked_access_tokens WHERE expires_at <= $1", now)
                   .affected_rows();
    deleted += session
                   .run(
                       "DELETE FROM sign_in_throttle WHERE blocked_until <= $1 AND "
                       "window_started_at <= $2",
                       now, now - day)
                   .affected_rows();
    return deleted;
  });
}

}  // namespace auth
