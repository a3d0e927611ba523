#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "platform/auth/keys.h"
#include "store/auth_store.h"

namespace auth {

struct KeyRingOptions {
  // RS256 by default: OpenID Connect makes it the one algorithm every client
  // must accept for ID tokens (Core §15.1). ES256 signs faster and makes
  // smaller tokens, for deployments whose clients all accept it.
  platform::auth::Algorithm algorithm = platform::auth::Algorithm::rs256;
  // How long one key signs before the next takes over.
  std::chrono::milliseconds rotation{std::chrono::hours(24 * 30)};
  // The next key is in the JWKS this long before it signs, so that verifiers
  // holding a cached key set already know it.
  std::chrono::milliseconds announce_ahead{std::chrono::hours(1)};
  // A key stays in the JWKS this long after it stops signing: the longest a
  // token it signed lives, plus clock skew.
  std::chrono::milliseconds retain_after{std::chrono::minutes(20)};
  // 32 bytes that seal the private keys at rest (AES-256-GCM).
  std::string encryption_key;
};

// The provider's signing keys: kept in the database, sealed, shared by every
// replica; rotated on a schedule (old keys stay published until their last
// token expires). Thread-safe.
class KeyRing {
 public:
  KeyRing(AuthStore& store, KeyRingOptions options);

  // Creates the key that signs now if there is none, announces the next
  // one ahead of its turn, drops retired keys, and reloads the ring from the
  // database (keys other replicas made). Run at start and every minute.
  void maintain();

  // The key that signs at this moment.
  platform::auth::SigningKey signing_key();
  // {"keys":[...]} of every published key.
  std::string jwks();
  platform::auth::Algorithm algorithm() const noexcept { return options_.algorithm; }
  // The published public keys, for verifying the provider's own tokens.
  std::vector<platform::auth::PublicKey> public_keys();

 private:
  struct Entry {
    platform::auth::SigningKey key;
    std::int64_t signs_from;
    std::int64_t signs_until;
  };
  void reload(std::int64_t now);

  AuthStore& store_;
  KeyRingOptions options_;
  std::mutex mutex_;
  std::vector<Entry> entries_;  // ordered by signs_from
  std::string jwks_;
};

}  // namespace auth
