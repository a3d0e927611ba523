#pragma once

#include <atomic>
#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "platform/auth/keys.h"
#include "platform/auth/token_verifier.h"
#include "platform/http/message.h"
#include "platform/http/server.h"
#include "platform/http/service_token.h"

namespace platform::testing {

// An issuer of access tokens for service tests: its own ES256 key, and a
// verifier that trusts only that key. Tokens are real signed JWTs, so the
// tests go through the same checks production requests do.
class TestIssuer {
 public:
  static constexpr const char* kIssuer = "https://issuer.test";
  static constexpr const char* kAudience = "shop";

  TestIssuer();

  std::shared_ptr<const auth::TokenVerifier> verifier() const { return verifier_; }
  const auth::SigningKey& key() const { return key_; }

  // A signed-in user with `roles`.
  std::string user_token(const std::string& subject,
                         const std::vector<std::string>& roles = {"customer"}) const;
  std::string admin_token(
      const std::string& subject = "0190d5a0-0000-7000-8000-00000000a0a0") const;
  // A service using client credentials, granted `scope` (space-separated).
  std::string service_token(const std::string& client_id, const std::string& scope) const;
  // Valid claims for `subject` lasting five minutes, to alter in negative tests.
  boost::json::object claims_for(const std::string& subject) const;
  std::string sign(const boost::json::object& claims) const;

  // Headers carrying "Authorization: Bearer <token>".
  static http::Headers bearer(const std::string& token);
  // {"keys":[<this issuer's public key>]}
  std::string jwks() const;

 private:
  auth::SigningKey key_;
  std::shared_ptr<const auth::TokenVerifier> verifier_;
};

// One token, always: what a service under test calls others with, in place of
// a client-credentials token from an issuer.
class FixedTokenSource final : public http::AccessTokenSource {
 public:
  explicit FixedTokenSource(std::string token) : token_(std::move(token)) {}
  std::string token() override { return token_; }
  void invalidate(const std::string&) override {}

 private:
  std::string token_;
};

// Serves a TestIssuer's JWKS over HTTP, for service executables started by
// system tests (AUTH_ISSUER=TestIssuer::kIssuer, AUTH_JWKS_URL=jwks_url()),
// and client-credentials tokens at /oauth2/token for those that call other
// services (AUTH_TOKEN_URL). The issuer must outlive the server.
class JwksServer {
 public:
  explicit JwksServer(const TestIssuer& issuer);
  ~JwksServer();
  std::string jwks_url() const;
  // The environment a service needs to trust the issuer.
  std::map<std::string, std::string> environment() const;
  // How many times the key set was fetched.
  int requests() const;

 private:
  std::shared_ptr<std::atomic<int>> served_ = std::make_shared<std::atomic<int>>(0);
  metrics::Registry registry_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace platform::testing
