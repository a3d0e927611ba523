#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/client.h"
#include "domain/scopes.h"
#include "domain/throttle.h"
#include "domain/user.h"
#include "platform/bus/outbox_transactions.h"
#include "platform/db/database.h"

namespace auth {

struct StoredKey {
  std::string id;
  std::string algorithm;
  std::string sealed_private_key;  // base64
  std::int64_t signs_from = 0;
  std::int64_t signs_until = 0;
  std::int64_t published_until = 0;
};

struct BrowserSession {
  std::string id_hash;
  std::string user_id;
  std::int64_t authenticated_at = 0;
  std::int64_t expires_at = 0;
};

// An authorization request parked while the user signs in.
struct PendingAuthorization {
  std::string id;
  std::string binding_hash;
  std::string client_id;
  std::string redirect_uri;
  Scopes scope;
  std::optional<std::string> state;
  std::optional<std::string> nonce;
  std::string code_challenge;
  std::int64_t expires_at = 0;
};

struct CodeGrant {
  std::string code_hash;
  std::string client_id;
  std::string user_id;
  std::string redirect_uri;
  Scopes scope;
  std::optional<std::string> nonce;
  std::string code_challenge;
  std::string session_hash;
  std::int64_t auth_time = 0;
  std::string family_id;
  std::int64_t expires_at = 0;
};

struct RefreshGrant {
  std::string token_hash;
  std::string family_id;
  std::string client_id;
  std::string user_id;
  Scopes scope;
  std::string session_hash;
  std::int64_t auth_time = 0;
  std::int64_t expires_at = 0;
  std::int64_t family_expires_at = 0;
};

enum class Redemption { redeemed, unknown, expired, reused, wrong_client };

// The auth service's database: users and their credentials, clients, signing
// keys, browser sessions, codes, refresh tokens and sign-in throttling. All
// times are Unix milliseconds. Secrets arrive here already hashed.
class AuthStore {
 public:
  // `committed` runs after each write that may have added outbox events.
  AuthStore(platform::db::Database& database,
            platform::bus::OutboxTransactions::Committed committed);

  // ---- users
  // Creates the user and its auth.user.registered event in one transaction;
  // Error(conflict, "email-taken") if the email has an account.
  User create_user(const User& user, const std::string& password_hash);
  std::optional<User> find_user(const std::string& id);
  std::optional<User> find_user_by_email(const std::string& email);
  // The account and its password hash, for signing in; active accounts only.
  std::optional<std::pair<User, std::string>> find_credentials(const std::string& email);
  void set_password_hash(const std::string& user_id, const std::string& password_hash);
  // Replaces a user's roles; false if there is no such user.
  bool set_roles(const std::string& user_id, const std::vector<std::string>& roles);
  // Ends every session and refresh-token family of the user.
  void sign_out_everywhere(const std::string& user_id, std::int64_t now);
  // Forgets the credentials and personal data of a user (GDPR erasure);
  // the id stays so that old records still resolve to "an erased user".
  bool erase_user(const std::string& user_id, std::int64_t now);
  // The same inside the caller's transaction (an event consumer's).
  static bool erase_user(platform::db::Session& session, const std::string& user_id,
                         std::int64_t now);

  // ---- clients
  void save_client(const RegisteredClient& client, std::int64_t now);
  std::optional<RegisteredClient> find_client(const std::string& id);
  std::vector<RegisteredClient> list_clients();
  bool delete_client(const std::string& id);

  // ---- signing keys
  std::vector<StoredKey> keys_published_at(std::int64_t now);
  // False when another replica already made the key for that start.
  bool add_key(const StoredKey& key);
  void delete_keys_retired_before(std::int64_t now);

  // ---- browser sessions
  void create_session(const BrowserSession& session);
  std::optional<BrowserSession> find_session(const std::string& id_hash, std::int64_t now);
  // Ends the session and the refresh-token families started in it.
  void end_session(const std::string& id_hash, std::int64_t now);

  // ---- pending authorizations
  void park_authorization(const PendingAuthorization& pending);
  std::optional<PendingAuthorization> find_pending(const std::string& id, std::int64_t now);
  void drop_pending(const std::string& id);

  // ---- authorization codes
  void save_code(const CodeGrant& grant);
  // Spends a code once. A code presented again revokes the refresh tokens
  // it led to (RFC 6749 §4.1.2) and answers `reused`.
  std::pair<Redemption, std::optional<CodeGrant>> redeem_code(const std::string& code_hash,
                                                              const std::string& client_id,
                                                              std::int64_t now);

  // ---- refresh tokens
  void save_refresh_token(const RefreshGrant& grant);
  // Spends a refresh token and stores the one `successor` makes from it, in
  // one transaction. A spent token presented again revokes its whole family
  // and answers `reused`. `successor` may throw to refuse (nothing changes).
  std::pair<Redemption, std::optional<RefreshGrant>> rotate_refresh_token(
      const std::string& token_hash, const std::string& client_id, std::int64_t now,
      const std::function<RefreshGrant(const RefreshGrant& spent)>& successor);
  // Revokes the family of a refresh token held by `client_id`; false if the
  // token is unknown or another client's.
  bool revoke_refresh_family(const std::string& token_hash, const std::string& client_id,
                             std::int64_t now);

  // ---- revoked access tokens (checked by /userinfo)
  void revoke_access_token(const std::string& token_id, std::int64_t expires_at);
  bool is_access_token_revoked(const std::string& token_id);

  // ---- sign-in throttling
  ThrottleState throttle_state(const std::string& subject);
  void record_failure(const std::string& subject, const ThrottlePolicy& policy, std::int64_t now);
  void clear_failures(const std::string& subject);

  // Deletes what has expired: codes, pending authorizations, sessions,
  // refresh tokens, revoked-token entries, old throttle rows. Returns rows.
  std::int64_t delete_expired(std::int64_t now);

 private:
  template <class Work>
  auto write(Work&& work);

  platform::db::Database& database_;
  platform::bus::OutboxTransactions transactions_;
};

}  // namespace auth
