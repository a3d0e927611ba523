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

// Where the bearer tokens of a service's own calls come from.
class AccessTokenSource {
 public:
  virtual ~AccessTokenSource() = default;
  // A valid token; throws Error(unavailable, "token-unavailable") when none
  // can be had.
  virtual std::string token() = 0;
  // Forgets `token` if it is still the kept one: a 401 said it is no longer
  // good (another thread may have renewed it already).
  virtual void invalidate(const std::string& token) = 0;
};

// Access tokens for calls a service makes as itself (OAuth 2.0 client
// credentials, RFC 6749 §4.4, with client_secret_basic): fetched from the
// issuer, kept and shared by every thread until shortly before they expire,
// fetched again after a 401 said the kept one is no longer good.
class ServiceTokenSource final : public AccessTokenSource {
 public:
  explicit ServiceTokenSource(ServiceCredentials credentials,
                              std::chrono::seconds renew_before = std::chrono::seconds(30));

  std::string token() override;
  void invalidate(const std::string& token) override;

 private:
  ServiceCredentials credentials_;
  std::chrono::seconds renew_before_;
  Client client_;
  std::mutex mutex_;
  std::string token_;
  std::chrono::steady_clock::time_point renew_at_{};
};

// Sends `request` with a bearer token from `tokens`; when the answer is 401
// the token is forgotten and the request sent once more with a fresh one
// (the issuer may have rotated its keys). Throws what Client::send and
// AccessTokenSource::token throw.
Response send_as_service(Client& client, AccessTokenSource& tokens, ClientRequest request);

}  // namespace platform::http
