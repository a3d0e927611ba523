#include "platform/http/authorization.h"

#include "platform/error.h"
#include "platform/http/client.h"

namespace platform::http {
namespace {

std::vector<auth::Algorithm> parse_algorithms(Config& config) {
  const auto names = config.text("AUTH_ALGORITHMS", "ES256,RS256",
                                 "JWS algorithms accepted on access tokens (ES256, RS256)");
  std::vector<auth::Algorithm> algorithms;
  std::size_t start = 0;
  while (start <= names.size()) {
    const auto end = std::min(names.find(',', start), names.size());
    const auto name = names.substr(start, end - start);
    if (const auto algorithm = auth::algorithm_named(name)) {
      algorithms.push_back(*algorithm);
    } else if (!name.empty()) {
      config.reject("AUTH_ALGORITHMS", names, "unknown algorithm " + name);
    }
    start = end + 1;
  }
  if (algorithms.empty()) {
    config.reject("AUTH_ALGORITHMS", names, "names no algorithm");
    algorithms.push_back(auth::Algorithm::es256);
  }
  return algorithms;
}

}  // namespace

const auth::Caller& caller_of(const Request& request) {
  if (!request.caller) {
    throw Error(ErrorKind::unauthenticated, "unauthenticated",
                "this route has no signed-in caller");
  }
  return *request.caller;
}

void require_owner_or_admin(const Request& request, std::string_view owner_subject) {
  const auto& caller = caller_of(request);
  if (caller.is_admin() || (!caller.is_service() && caller.subject == owner_subject)) return;
  throw Error(ErrorKind::forbidden, "forbidden", "this belongs to another account");
}

auth::KeySource jwks_from_url(std::string url) {
  ClientOptions options;
  options.max_idle_connections_per_endpoint = 2;
  options.timeout = std::chrono::seconds(5);
  auto client = std::make_shared<Client>(options);
  return [client, url = std::move(url)] {
    const auto response = client->get(url);
    if (response.status != 200) {
      throw Error(ErrorKind::unavailable, "keys-unavailable",
                  "JWKS answered " + std::to_string(response.status));
    }
    return response.body;
  };
}

TokenVerification read_token_verification(Config& config, std::string_view default_issuer) {
  TokenVerification settings;
  settings.options.issuer = config.text("AUTH_ISSUER", default_issuer,
                                        "the token issuer (the auth service's public URL)");
  settings.options.audience =
      config.text("AUTH_AUDIENCE", "shop", "the audience access tokens must be issued for");
  settings.jwks_url = config.text("AUTH_JWKS_URL", "",
                                  "where to fetch the issuer's signing keys; empty: "
                                  "<AUTH_ISSUER>/.well-known/jwks.json");
  if (settings.jwks_url.empty())
    settings.jwks_url = settings.options.issuer + "/.well-known/jwks.json";
  settings.options.algorithms = parse_algorithms(config);
  return settings;
}

std::shared_ptr<const auth::TokenVerifier> make_token_verifier(const TokenVerification& settings) {
  return std::make_shared<const auth::TokenVerifier>(settings.options,
                                                     jwks_from_url(settings.jwks_url));
}

}  // namespace platform::http
