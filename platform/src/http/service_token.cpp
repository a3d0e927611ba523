#include "platform/http/service_token.h"

#include <boost/json.hpp>

#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/http/form.h"

namespace platform::http {

ServiceCredentials read_service_credentials(Config& config, std::string_view prefix,
                                            std::string_view default_client_id,
                                            std::string_view default_issuer, std::string scope) {
  const std::string name(prefix);
  ServiceCredentials credentials;
  credentials.client_id = config.text(name + "_CLIENT_ID", std::string(default_client_id),
                                      "the client id this service calls others as");
  credentials.client_secret = config.text(name + "_CLIENT_SECRET", "",
                                          "its client secret (registered with the auth service)");
  credentials.token_url =
      config.text("AUTH_TOKEN_URL", std::string(default_issuer) + "/oauth2/token",
                  "the issuer's token endpoint, for client-credentials tokens");
  credentials.scope = std::move(scope);
  return credentials;
}

ServiceTokenSource::ServiceTokenSource(ServiceCredentials credentials,
                                       std::chrono::seconds renew_before)
    : credentials_(std::move(credentials)), renew_before_(renew_before) {}

std::string ServiceTokenSource::token() {
  // One fetch at a time: threads arriving meanwhile wait for its token
  // rather than asking the issuer too.
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (!token_.empty() && now < renew_at_) return token_;

  ClientRequest request;
  request.method = Method::post;
  request.url = credentials_.token_url;
  // RFC 6749 §2.3.1: id and secret are form-encoded before the Basic scheme.
  request.headers.set("Authorization",
                      "Basic " + crypto::base64_encode(form_encode(credentials_.client_id) + ":" +
                                                       form_encode(credentials_.client_secret)));
  request.headers.set("Content-Type", "application/x-www-form-urlencoded");
  request.body = encode_form({{"grant_type", "client_credentials"}, {"scope", credentials_.scope}});
  Response response;
  try {
    response = client_.send(std::move(request));
  } catch (const Error& error) {
    throw unavailable("token-unavailable",
                      "the issuer did not answer: " + std::string(error.what()));
  }
  if (response.status != 200) {
    throw unavailable("token-unavailable", "the issuer refused a token for " +
                                               credentials_.client_id + " (" +
                                               std::to_string(response.status) + ")");
  }
  boost::system::error_code error;
  const auto body = boost::json::parse(response.body, error);
  const auto* object = body.if_object();
  const auto* access_token = object ? object->if_contains("access_token") : nullptr;
  const auto* expires_in = object ? object->if_contains("expires_in") : nullptr;
  if (error || !access_token || !access_token->is_string() || !expires_in ||
      !expires_in->is_int64()) {
    throw unavailable("token-unavailable", "the issuer's token response is not understood");
  }
  token_ = std::string(access_token->get_string());
  const auto lifetime = std::chrono::seconds(expires_in->get_int64());
  renew_at_ = now + std::max(lifetime - renew_before_, lifetime / 2);
  return token_;
}

void ServiceTokenSource::invalidate(const std::string& token) {
  std::lock_guard lock(mutex_);
  if (token == token_) token_.clear();
}

Response send_as_service(Client& client, AccessTokenSource& tokens, ClientRequest request) {
  auto token = tokens.token();
  request.headers.set("Authorization", "Bearer " + token);
  auto response = client.send(request);
  if (response.status != 401) return response;
  tokens.invalidate(token);
  request.headers.set("Authorization", "Bearer " + tokens.token());
  return client.send(std::move(request));
}

}  // namespace platform::http
