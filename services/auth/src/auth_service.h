#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "platform/bus/event_bus.h"
#include "platform/db/database.h"
#include "platform/embedded_file.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "provider/provider.h"

namespace auth {

std::vector<platform::EmbeddedFile> migrations();
std::vector<platform::EmbeddedFile> openapi_document();

struct AuthOptions {
  ProviderSettings provider;
  KeyRingOptions keys;
  Argon2Parameters argon2;
  int concurrent_hashes = 2;
  std::vector<std::string> trusted_proxies;
  // The durable consumer of customers.customer.deleted. Replicas share it, so
  // each event is handled once; separate test instances each need their own.
  std::string erasure_consumer = "auth-customer-erasure";
  // Key rotation and the sweep of expired codes, sessions and tokens.
  std::chrono::milliseconds maintenance_interval{std::chrono::seconds(60)};
};

// The auth service as one object: the OpenID provider, its routes and its
// background work (outbox relay, key rotation, sweeping, erasing accounts of
// deleted customers). Hosted by its own executable and by apps/shop.
class AuthService {
 public:
  AuthService(platform::db::Database& database, platform::bus::EventBus& bus,
              platform::metrics::Registry& registry, AuthOptions options);
  ~AuthService();
  AuthService(const AuthService&) = delete;
  AuthService& operator=(const AuthService&) = delete;

  // The provider's endpoints plus /healthz, /readyz, /metrics, /openapi.yaml.
  platform::http::Router routes();
  OpenIdProvider& provider();
  AuthStore& store();
  // The published signing keys: services in the same process verify tokens
  // with them directly (embedded mode).
  std::string jwks();

  static void migrate(platform::db::Database& database);

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace auth
