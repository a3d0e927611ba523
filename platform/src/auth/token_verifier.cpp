#include "platform/auth/token_verifier.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "platform/auth/jwt.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/log.h"
#include "platform/string_hash.h"

namespace platform::auth {
namespace {

using KeyMap = std::map<std::string, PublicKey, std::less<>>;
using Clock = std::chrono::steady_clock;

Error refused(const std::string& why) {
  return Error(ErrorKind::unauthenticated, "invalid-token", why);
}

std::int64_t now_seconds() { return now_unix_millis() / 1000; }

std::string string_claim(const boost::json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  if (value == nullptr || !value->is_string() || value->get_string().empty()) {
    throw refused("claim " + std::string(name) + " missing");
  }
  return std::string(value->get_string());
}

std::optional<std::int64_t> time_claim(const boost::json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_int64()) return value->get_int64();
  if (value->is_uint64() && value->get_uint64() <= INT64_MAX) {
    return static_cast<std::int64_t>(value->get_uint64());
  }
  throw refused("claim " + std::string(name) + " is not a number of seconds");
}

bool audience_contains(const boost::json::value* audience, std::string_view expected) {
  if (audience == nullptr) return false;
  if (audience->is_string()) return audience->get_string() == expected;
  if (!audience->is_array()) return false;
  const auto& items = audience->get_array();
  return std::any_of(items.begin(), items.end(), [&](const boost::json::value& item) {
    return item.is_string() && item.get_string() == expected;
  });
}

std::vector<std::string> string_list(const boost::json::object& claims, std::string_view name) {
  std::vector<std::string> items;
  const auto* value = claims.if_contains(name);
  if (value == nullptr) return items;
  if (!value->is_array()) throw refused("claim " + std::string(name) + " is not a list");
  for (const auto& item : value->get_array()) {
    if (!item.is_string()) throw refused("claim " + std::string(name) + " holds a non-string");
    items.emplace_back(item.get_string());
  }
  return items;
}

std::vector<std::string> split_scopes(std::string_view scope) {
  std::vector<std::string> scopes;
  std::size_t start = 0;
  while (start < scope.size()) {
    const auto end = std::min(scope.find(' ', start), scope.size());
    if (end > start) scopes.emplace_back(scope.substr(start, end - start));
    start = end + 1;
  }
  return scopes;
}

// RFC 9068 §4: "at+jwt", or its full media type.
bool is_access_token_type(const boost::json::value* type) {
  if (type == nullptr || !type->is_string()) return false;
  std::string lowered(type->get_string());
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered == "at+jwt" || lowered == "application/at+jwt";
}

}  // namespace

std::vector<PublicKey> parse_key_set(std::string_view jwks) {
  boost::system::error_code error;
  const auto document = boost::json::parse(jwks, error);
  if (error || !document.is_object()) {
    throw Error(ErrorKind::invalid_argument, "invalid-jwks", "JWKS is not a JSON object");
  }
  const auto* keys = document.get_object().if_contains("keys");
  if (keys == nullptr || !keys->is_array()) {
    throw Error(ErrorKind::invalid_argument, "invalid-jwks", "JWKS has no keys array");
  }
  std::vector<PublicKey> parsed;
  for (const auto& entry : keys->get_array()) {
    if (!entry.is_object()) continue;
    const auto& jwk = entry.get_object();
    const auto* use = jwk.if_contains("use");
    if (use != nullptr && (!use->is_string() || use->get_string() != "sig")) continue;
    try {
      parsed.push_back(PublicKey::from_jwk(jwk));
    } catch (const Error& skipped) {
      log::debug("JWKS key skipped", {{"reason", skipped.what()}});
    }
  }
  return parsed;
}

class TokenVerifier::Impl {
 public:
  Impl(VerifierOptions options, KeySource source)
      : options_(std::move(options)), source_(std::move(source)) {}

  Caller verify(std::string_view token) {
    const auto now = now_seconds();
    if (auto cached = remembered(token, now)) return *cached;

    const auto jwt = decode_jwt(token);
    if (!is_access_token_type(jwt.header.if_contains("typ"))) {
      throw refused("not an access token (typ must be at+jwt)");
    }
    const auto* algorithm_name = jwt.header.if_contains("alg");
    const auto algorithm = algorithm_name != nullptr && algorithm_name->is_string()
                               ? algorithm_named(algorithm_name->get_string())
                               : std::nullopt;
    if (!algorithm || std::find(options_.algorithms.begin(), options_.algorithms.end(),
                                *algorithm) == options_.algorithms.end()) {
      throw refused("algorithm not accepted");
    }
    const auto* kid = jwt.header.if_contains("kid");
    if (kid == nullptr || !kid->is_string()) throw refused("no key id");
    const auto key = find_key(kid->get_string());
    if (!key) throw refused("unknown signing key");
    if (!verify_signature(jwt, *key)) throw refused("bad signature");

    auto caller = check_claims(jwt.claims, now);
    remember(token, caller);
    return caller;
  }

  const VerifierOptions& options() const noexcept { return options_; }

 private:
  Caller check_claims(const boost::json::object& claims, std::int64_t now) const {
    const auto leeway = options_.leeway.count();
    if (string_claim(claims, "iss") != options_.issuer) throw refused("wrong issuer");
    if (!audience_contains(claims.if_contains("aud"), options_.audience)) {
      throw refused("wrong audience");
    }
    const auto expires = time_claim(claims, "exp");
    if (!expires) throw refused("claim exp missing");
    if (*expires + leeway <= now) throw refused("expired");
    if (const auto not_before = time_claim(claims, "nbf");
        not_before && *not_before - leeway > now) {
      throw refused("not yet valid");
    }
    const auto issued = time_claim(claims, "iat");
    if (!issued || *issued - leeway > now) throw refused("claim iat missing or in the future");

    Caller caller;
    caller.subject = string_claim(claims, "sub");
    caller.client_id = string_claim(claims, "client_id");
    caller.roles = string_list(claims, "roles");
    if (const auto* scope = claims.if_contains("scope"); scope != nullptr) {
      if (!scope->is_string()) throw refused("claim scope is not a string");
      caller.scopes = split_scopes(scope->get_string());
    }
    if (const auto* jti = claims.if_contains("jti"); jti != nullptr && jti->is_string()) {
      caller.token_id = std::string(jti->get_string());
    }
    caller.expires_at = *expires;
    return caller;
  }

  std::optional<Caller> remembered(std::string_view token, std::int64_t now) {
    std::shared_lock lock(cache_mutex_);
    const auto found = cache_.find(token);
    if (found == cache_.end() || found->second.expires_at + options_.leeway.count() <= now) {
      return std::nullopt;
    }
    return found->second;
  }

  void remember(std::string_view token, const Caller& caller) {
    if (options_.cache_entries == 0) return;
    std::unique_lock lock(cache_mutex_);
    if (cache_.size() >= options_.cache_entries) {
      const auto now = now_seconds();
      std::erase_if(cache_, [&](const auto& entry) { return entry.second.expires_at <= now; });
      // Still full of live tokens: start over rather than track recency on
      // every hit; the cost is one signature check per token afterwards.
      if (cache_.size() >= options_.cache_entries) cache_.clear();
    }
    cache_.emplace(std::string(token), caller);
  }

  std::optional<PublicKey> find_key(std::string_view kid) {
    auto keys = current_keys(false);
    if (auto found = keys->find(kid); found != keys->end()) return found->second;
    keys = current_keys(true);
    if (auto found = keys->find(kid); found != keys->end()) return found->second;
    return std::nullopt;
  }

  // The key set, refreshed when stale or, if `unknown_key`, when a token
  // names a key we have not seen (rotation), within the refetch budget.
  std::shared_ptr<const KeyMap> current_keys(bool unknown_key) {
    const auto now = Clock::now();
    {
      std::lock_guard lock(keys_mutex_);
      const bool stale = !keys_ || now - fetched_at_ >= options_.key_refresh_interval;
      const bool may_refetch = !keys_ || now - attempted_at_ >= options_.min_refetch_interval;
      if (!(stale || unknown_key) || !may_refetch) {
        if (!keys_) throw unavailable("keys-unavailable", "no signing keys could be fetched");
        return keys_;
      }
      attempted_at_ = now;
    }
    std::lock_guard fetching(fetch_mutex_);
    try {
      auto fresh = std::make_shared<KeyMap>();
      for (auto& key : parse_key_set(source_())) {
        if (std::find(options_.algorithms.begin(), options_.algorithms.end(), key.algorithm()) ==
                options_.algorithms.end() ||
            key.key_id().empty()) {
          continue;
        }
        const auto kid = key.key_id();
        fresh->insert_or_assign(kid, std::move(key));
      }
      std::lock_guard lock(keys_mutex_);
      keys_ = std::move(fresh);
      fetched_at_ = now;
      return keys_;
    } catch (const std::exception& failure) {
      log::warn("signing keys could not be fetched", {{"error", failure.what()}});
      std::lock_guard lock(keys_mutex_);
      if (!keys_) throw unavailable("keys-unavailable", "no signing keys could be fetched");
      return keys_;
    }
  }

  const VerifierOptions options_;
  const KeySource source_;

  std::mutex keys_mutex_;
  std::mutex fetch_mutex_;  // one fetch at a time
  std::shared_ptr<const KeyMap> keys_;
  Clock::time_point fetched_at_{};
  Clock::time_point attempted_at_{};

  std::shared_mutex cache_mutex_;
  // Searched with the token as received, without a copy.
  StringMap<Caller> cache_;
};

TokenVerifier::TokenVerifier(VerifierOptions options, KeySource keys)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(keys))) {}

TokenVerifier::~TokenVerifier() = default;

Caller TokenVerifier::verify(std::string_view token) const { return impl_->verify(token); }

const VerifierOptions& TokenVerifier::options() const noexcept { return impl_->options(); }

}  // namespace platform::auth
