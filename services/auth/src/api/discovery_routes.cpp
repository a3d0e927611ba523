#include <boost/json.hpp>

#include "api/routes.h"
#include "platform/http/json_response.h"

namespace auth {

void add_discovery_routes(platform::http::Router& router, ApiContext& context) {
  router.get(
      "/.well-known/openid-configuration",
      [&context](platform::http::Request&) {
        const auto& issuer = context.provider.settings().issuer;
        const std::string algorithm(platform::auth::name_of(context.keys.algorithm()));
        boost::json::object document{
            {"issuer", issuer},
            {"authorization_endpoint", issuer + "/oauth2/authorize"},
            {"token_endpoint", issuer + "/oauth2/token"},
            {"userinfo_endpoint", issuer + "/userinfo"},
            {"jwks_uri", issuer + "/.well-known/jwks.json"},
            {"revocation_endpoint", issuer + "/oauth2/revoke"},
            {"end_session_endpoint", issuer + "/oauth2/logout"},
            {"scopes_supported", {"openid", "profile", "email", "offline_access"}},
            {"response_types_supported", {"code"}},
            {"response_modes_supported", {"query"}},
            {"grant_types_supported",
             {"authorization_code", "refresh_token", "client_credentials"}},
            {"subject_types_supported", {"public"}},
            {"id_token_signing_alg_values_supported", {algorithm}},
            {"token_endpoint_auth_methods_supported",
             {"client_secret_basic", "client_secret_post", "none"}},
            {"revocation_endpoint_auth_methods_supported",
             {"client_secret_basic", "client_secret_post", "none"}},
            {"code_challenge_methods_supported", {"S256"}},
            {"prompt_values_supported", {"none", "login", "create"}},
            {"claims_supported",
             {"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "email", "email_verified",
              "name", "roles"}},
            {"authorization_response_iss_parameter_supported", true},
            {"request_parameter_supported", false},
            {"request_uri_parameter_supported", false}};
        auto response = platform::http::json_response(200, document);
        response.headers.set("Cache-Control", "public, max-age=300");
        return response;
      },
      platform::http::public_route());

  router.get(
      "/.well-known/jwks.json",
      [&context](platform::http::Request&) {
        auto response = platform::http::Response::json(200, context.keys.jwks());
        // Verifiers may cache the set briefly; rotations announce keys an
        // hour ahead, far longer than this.
        response.headers.set("Cache-Control", "public, max-age=300");
        return response;
      },
      platform::http::inline_route());
}

}  // namespace auth
