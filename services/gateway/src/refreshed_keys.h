#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "platform/auth/token_verifier.h"
#include "platform/periodic_task.h"

namespace gateway {

// The issuer's JWKS, fetched on a thread of its own every minute and handed
// to the verifier from memory: the gateway's I/O threads verify tokens inline
// and must never wait on the network. A token naming a key not seen yet
// (rotation) wakes the fetch; that token is refused, the next ones pass.
class RefreshedKeys {
 public:
  explicit RefreshedKeys(std::string jwks_url);
  ~RefreshedKeys();

  platform::auth::KeySource key_source();

 private:
  struct Cache {
    std::mutex mutex;
    std::string jwks;
  };
  std::shared_ptr<Cache> cache_;
  std::unique_ptr<platform::PeriodicTask> refresh_;
};

}  // namespace gateway
