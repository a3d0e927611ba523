#pragma once

#include <string>
#include <vector>

#include "platform/http/router.h"
#include "platform/metrics.h"
#include "provider/provider.h"

namespace auth {

// What the route groups share.
struct ApiContext {
  OpenIdProvider& provider;
  AuthStore& store;
  KeyRing& keys;
  // Peers whose X-Forwarded-For is believed (the gateway), for throttling.
  std::vector<std::string> trusted_proxies;
  // auth_sign_ins_total{outcome}, auth_tokens_total{grant,outcome}
  platform::metrics::Family<platform::metrics::Counter>& sign_ins;
  platform::metrics::Family<platform::metrics::Counter>& tokens;
};

// /.well-known/openid-configuration and /.well-known/jwks.json
void add_discovery_routes(platform::http::Router& router, ApiContext& context);
// /oauth2/authorize, its sign-in and sign-up forms, /oauth2/logout, the stylesheet
void add_browser_routes(platform::http::Router& router, ApiContext& context);
// /oauth2/token, /oauth2/revoke, /userinfo
void add_protocol_routes(platform::http::Router& router, ApiContext& context);
// /v1/users and /v1/clients (REST, problem+json)
void add_account_routes(platform::http::Router& router, ApiContext& context);

// The path part of the issuer URL without a trailing slash: "/api/auth".
std::string issuer_path(const std::string& issuer);

}  // namespace auth
