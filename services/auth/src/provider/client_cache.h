#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "domain/client.h"
#include "store/auth_store.h"

namespace auth {

// Registered clients as the token endpoint reads them on every request,
// remembered for a few seconds: clients change rarely, and without this each
// client-credentials token costs a database round trip. A change made through
// this process is seen at once; one made through another replica within the
// time to live (a deleted client may get tokens that long).
class ClientCache {
 public:
  ClientCache(AuthStore& store, std::chrono::milliseconds time_to_live);

  std::optional<RegisteredClient> find(const std::string& id);
  void forget(const std::string& id);

 private:
  struct Entry {
    std::optional<RegisteredClient> client;
    std::chrono::steady_clock::time_point fetched;
  };

  AuthStore& store_;
  std::chrono::milliseconds time_to_live_;
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace auth
