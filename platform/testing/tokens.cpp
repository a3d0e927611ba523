#include "platform/testing/tokens.h"

#include <boost/json.hpp>

#include "platform/auth/jwt.h"
#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/http/form.h"
#include "platform/ids.h"

namespace platform::testing {

TestIssuer::TestIssuer()
    : key_(auth::SigningKey::generate(auth::Algorithm::es256, "test-" + random_hex(4))) {
  auth::VerifierOptions options;
  options.issuer = kIssuer;
  options.audience = kAudience;
  verifier_ =
      std::make_shared<const auth::TokenVerifier>(options, [jwks = jwks()] { return jwks; });
}

std::string TestIssuer::jwks() const {
  return boost::json::serialize(
      boost::json::object{{"keys", boost::json::array{key_.public_key().to_jwk()}}});
}

boost::json::object TestIssuer::claims_for(const std::string& subject) const {
  const auto now = now_unix_millis() / 1000;
  return {{"iss", kIssuer},      {"aud", kAudience},     {"sub", subject},
          {"client_id", "test"}, {"iat", now},           {"nbf", now},
          {"exp", now + 300},    {"jti", new_uuid_v7()}, {"scope", "openid"}};
}

std::string TestIssuer::sign(const boost::json::object& claims) const {
  return auth::sign_jwt(key_, claims, "at+jwt");
}

std::string TestIssuer::user_token(const std::string& subject,
                                   const std::vector<std::string>& roles) const {
  auto claims = claims_for(subject);
  boost::json::array role_list;
  for (const auto& role : roles) role_list.emplace_back(role);
  claims["roles"] = std::move(role_list);
  return sign(claims);
}

std::string TestIssuer::admin_token(const std::string& subject) const {
  return user_token(subject, {"customer", "admin"});
}

std::string TestIssuer::service_token(const std::string& client_id,
                                      const std::string& scope) const {
  auto claims = claims_for(client_id);
  claims["client_id"] = client_id;
  claims["scope"] = scope;
  return sign(claims);
}

http::Headers TestIssuer::bearer(const std::string& token) {
  http::Headers headers;
  headers.set("Authorization", "Bearer " + token);
  return headers;
}

}  // namespace platform::testing

namespace platform::testing {

JwksServer::JwksServer(const TestIssuer& issuer) {
  http::Router router;
  router.get(
      "/.well-known/jwks.json",
      [jwks = issuer.jwks(), served = served_](http::Request&) {
        served->fetch_add(1);
        return http::Response::json(200, jwks);
      },
      http::inline_route());
  // Client credentials (RFC 6749 §4.4) for service executables under test:
  // any client with a secret gets a token for the scope it asks.
  router.post(
      "/oauth2/token",
      [&issuer](http::Request& request) {
        const auto fields = http::parse_form(request.body);
        const auto header = request.header("Authorization");
        const auto credentials =
            header.starts_with("Basic ") ? crypto::base64_decode(header.substr(6)) : std::nullopt;
        const auto colon = credentials ? credentials->find(':') : std::string::npos;
        if (!fields || http::single_field(*fields, "grant_type") != "client_credentials" ||
            colon == std::string::npos || colon == 0 || colon + 1 == credentials->size()) {
          return http::Response::json(400, R"({"error":"invalid_request"})");
        }
        const auto client = http::form_decode(credentials->substr(0, colon)).value_or("");
        const auto scope = http::single_field(*fields, "scope").value_or("");
        boost::json::object body{{"access_token", issuer.service_token(client, scope)},
                                 {"token_type", "Bearer"},
                                 {"expires_in", 300}};
        return http::Response::json(200, boost::json::serialize(body));
      },
      http::inline_route());
  http::ServerOptions options;
  options.service = "jwks";
  options.access_log = false;
  server_ = std::make_unique<http::Server>(options, std::move(router), registry_);
  server_->start();
}

JwksServer::~JwksServer() { server_->stop(std::chrono::milliseconds(100)); }

std::string JwksServer::jwks_url() const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + "/.well-known/jwks.json";
}

int JwksServer::requests() const { return served_->load(); }

std::map<std::string, std::string> JwksServer::environment() const {
  return {
      {"AUTH_ISSUER", TestIssuer::kIssuer},
      {"AUTH_AUDIENCE", TestIssuer::kAudience},
      {"AUTH_JWKS_URL", jwks_url()},
      {"AUTH_TOKEN_URL", "http://127.0.0.1:" + std::to_string(server_->port()) + "/oauth2/token"}};
}

}  // namespace platform::testing
