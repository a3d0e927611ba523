#include "security/key_ring.h"

#include <algorithm>
#include <boost/json.hpp>
#include <stdexcept>

#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/ids.h"
#include "platform/log.h"

namespace auth {

using platform::auth::SigningKey;

KeyRing::KeyRing(AuthStore& store, KeyRingOptions options)
    : store_(store), options_(std::move(options)) {
  if (options_.encryption_key.size() != 32) {
    throw std::invalid_argument("the key encryption key must be 32 bytes");
  }
  if (options_.announce_ahead >= options_.rotation) {
    throw std::invalid_argument("keys must be announced before a rotation period ends");
  }
}

void KeyRing::maintain() {
  const auto now = platform::now_unix_millis();
  store_.delete_keys_retired_before(now);
  reload(now);
  // Only keys this process can use count towards the schedule: a key of
  // another algorithm (the configuration changed) or sealed under another
  // encryption key leaves a gap that a new key fills at once.
  std::int64_t last_until = 0;
  {
    std::lock_guard lock(mutex_);
    for (const auto& entry : entries_) {
      if (entry.key.algorithm() == options_.algorithm && entry.signs_until > now) {
        last_until = std::max(last_until, entry.signs_until);
      }
    }
  }
  if (last_until != 0 && last_until - now > options_.announce_ahead.count()) return;
  const auto signs_from = last_until == 0 ? now : last_until;
  const auto signs_until = signs_from + options_.rotation.count();
  const auto key = SigningKey::generate(options_.algorithm, platform::random_hex(8));
  const auto sealed = platform::crypto::base64_encode(
      platform::crypto::seal(options_.encryption_key, key.private_pem()));
  if (store_.add_key({key.key_id(), std::string(platform::auth::name_of(options_.algorithm)),
                      sealed, signs_from, signs_until,
                      signs_until + options_.retain_after.count()})) {
    platform::log::info(
        "signing key created",
        {{"kid", key.key_id()},
         {"signs_from", platform::format_rfc3339(platform::from_unix_millis(signs_from))}});
  }
  reload(now);
}

void KeyRing::reload(std::int64_t now) {
  std::lock_guard lock(mutex_);
  std::vector<Entry> fresh;
  boost::json::array published;
  for (const auto& stored : store_.keys_published_at(now)) {
    const auto algorithm = platform::auth::algorithm_named(stored.algorithm);
    const auto sealed = platform::crypto::base64_decode(stored.sealed_private_key);
    const auto pem =
        sealed ? platform::crypto::open(options_.encryption_key, *sealed) : std::nullopt;
    if (!algorithm || !pem) {
      // A key sealed under another encryption key: the configuration changed.
      platform::log::error("signing key cannot be opened", {{"kid", stored.id}});
      continue;
    }
    // Keys already loaded are reused rather than parsed again every minute.
    auto known = std::find_if(entries_.begin(), entries_.end(),
                              [&](const Entry& entry) { return entry.key.key_id() == stored.id; });
    auto key =
        known != entries_.end() ? known->key : SigningKey::from_pem(*algorithm, stored.id, *pem);
    published.push_back(key.public_key().to_jwk());
    fresh.push_back({std::move(key), stored.signs_from, stored.signs_until});
  }
  entries_ = std::move(fresh);
  jwks_ = boost::json::serialize(boost::json::object{{"keys", std::move(published)}});
}

SigningKey KeyRing::signing_key() {
  const auto now = platform::now_unix_millis();
  for (int attempt = 0; attempt < 2; ++attempt) {
    {
      std::lock_guard lock(mutex_);
      for (auto entry = entries_.rbegin(); entry != entries_.rend(); ++entry) {
        if (entry->key.algorithm() == options_.algorithm && entry->signs_from <= now &&
            now < entry->signs_until) {
          return entry->key;
        }
      }
    }
    maintain();  // the schedule ran out between maintenance runs
  }
  throw std::runtime_error("no signing key is available");
}

std::string KeyRing::jwks() {
  std::lock_guard lock(mutex_);
  return jwks_;
}

std::vector<platform::auth::PublicKey> KeyRing::public_keys() {
  std::lock_guard lock(mutex_);
  std::vector<platform::auth::PublicKey> keys;
  for (const auto& entry : entries_) keys.push_back(entry.key.public_key());
  return keys;
}

}  // namespace auth
