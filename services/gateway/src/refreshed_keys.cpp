#include "refreshed_keys.h"

#include "platform/error.h"
#include "platform/http/authorization.h"

namespace gateway {

RefreshedKeys::RefreshedKeys(std::string jwks_url) : cache_(std::make_shared<Cache>()) {
  refresh_ = std::make_unique<platform::PeriodicTask>(
      "jwks-refresh", std::chrono::seconds(60),
      [cache = cache_, fetch = platform::http::jwks_from_url(std::move(jwks_url))] {
        auto jwks = fetch();
        std::lock_guard lock(cache->mutex);
        cache->jwks = std::move(jwks);
      });
  refresh_->wake();
}

RefreshedKeys::~RefreshedKeys() = default;

platform::auth::KeySource RefreshedKeys::key_source() {
  return [cache = cache_, refresh = refresh_.get()] {
    std::lock_guard lock(cache->mutex);
    if (cache->jwks.empty()) {
      refresh->wake();
      throw platform::unavailable("keys-unavailable",
                                  "the issuer's keys have not been fetched yet");
    }
    refresh->wake();  // a key id the verifier has not seen: look again
    return cache->jwks;
  };
}

}  // namespace gateway
