#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "platform/config.h"
#include "platform/http/client.h"

namespace platform::http {

// Who a service is when it calls other services on its own behalf.
struct ServiceCredentials {
  std::string token_url;  // the issuer's token endpoint
  std::string client_id;
  std::string client_secret;
  std::string scope;  // space-separated, e.g. "catalog.reservations payments.charge"
};

// Reads <PREFIX>_CLIENT_ID, <PREFIX>_CLIENT_SECRET and AUTH_TOKEN_URL (default:
// the issuer's /oauth2/token), the same way in every service.
ServiceCredentials read_service_credentials(Config& config, std::string_view prefix,
                                            std::string_view default_client_id,
                                            std::string_view default_issuer, std::string scope);

// Access tokens for calls a service makes as itself (OAuth 2.0 client
// credentials, RFC 6749 §4.4, with client_secret_basic): fetched from the
// issuer, kept and shared by every thread until shortly before they expire,
// fetched again after a 401 said the kept one is no longer good.
class ServiceTokenSource {
 public:
  explicit ServiceTokenSource(ServiceCredentials credentials,
                              std::chrono::seconds renew_before = std::chrono::seconds(30));

  // A valid token; throws Error(unavailable, "token-unavailable") when the
  // issuer cannot be reached or refuses the credentials.
  std::string token();
  // Forgets `token` if it is still the kept one (another thread may have
  // renewed it already).
  void invalidate(const std::string& token);

 private:
  ServiceCredentials credentials_;
  std::chrono::seconds renew_before_;
  Client client_;
  std::mutex mutex_;
  std::string token_;
  std::chrono::steady_clock::time_point renew_at_{};
};

}  // namespace platform::http
