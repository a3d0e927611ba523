#include "domain/authorization_request.h"

#include <algorithm>
#include <charconv>

#include "domain/pkce.h"

namespace auth {
namespace {

constexpr std::size_t kMaximumValueLength = 512;

std::size_t occurrences(const Parameters& parameters, std::string_view name) {
  return static_cast<std::size_t>(std::count_if(
      parameters.begin(), parameters.end(), [&](const auto& pair) { return pair.first == name; }));
}

AuthorizationError to_user(std::string error, std::string description) {
  return {std::move(error), std::move(description), false};
}

AuthorizationError to_client(std::string error, std::string description) {
  return {std::move(error), std::move(description), true};
}

}  // namespace

std::variant<AuthorizationRequest, AuthorizationError> validate_authorization(
    const Parameters& parameters, const RegisteredClient* client) {
  const auto client_id = single_field(parameters, "client_id");
  if (!client_id || client == nullptr || client->id != *client_id) {
    return to_user("invalid_request", "The application that sent you here is not registered.");
  }
  const auto redirect_uri = single_field(parameters, "redirect_uri");
  if (!redirect_uri || !client->has_redirect_uri(*redirect_uri)) {
    return to_user("invalid_request",
                   "The application asked to return you to an address it has not registered.");
  }

  // From here on the client is genuine: errors go back to it.
  for (const auto& [key, value] : parameters) {
    if (occurrences(parameters, key) > 1) {
      return to_client("invalid_request", "parameter " + key + " is repeated");
    }
    if (value.size() > kMaximumValueLength) {
      return to_client("invalid_request", "parameter " + key + " is too long");
    }
  }
  if (occurrences(parameters, "request") > 0 || occurrences(parameters, "request_uri") > 0) {
    return to_client("request_not_supported", "request objects are not supported");
  }
  const auto response_type = single_field(parameters, "response_type");
  if (response_type != "code") {
    return to_client("unsupported_response_type", "only response_type=code is supported");
  }
  if (!client->allows_grant("authorization_code")) {
    return to_client("unauthorized_client", "this client may not use the authorization code flow");
  }

  AuthorizationRequest request;
  request.client_id = *client_id;
  request.redirect_uri = *redirect_uri;
  const auto challenge = single_field(parameters, "code_challenge");
  if (!challenge || !is_valid_code_challenge(*challenge)) {
    return to_client("invalid_request", "a PKCE code_challenge (S256) is required");
  }
  if (single_field(parameters, "code_challenge_method") != "S256") {
    return to_client("invalid_request", "code_challenge_method must be S256");
  }
  request.code_challenge = *challenge;

  const auto scope = Scopes::parse(single_field(parameters, "scope").value_or(""));
  if (!scope) return to_client("invalid_scope", "scope is malformed");
  if (!scope->is_subset_of(user_scopes().intersect(client->scopes))) {
    return to_client("invalid_scope", "a requested scope is not available to this client");
  }
  request.scope = *scope;

  request.state = single_field(parameters, "state");
  request.nonce = single_field(parameters, "nonce");
  request.login_hint = single_field(parameters, "login_hint");
  request.prompt = single_field(parameters, "prompt").value_or("");
  if (request.prompt != "" && request.prompt != "none" && request.prompt != "login" &&
      request.prompt != "create") {
    return to_client("invalid_request", "prompt must be none, login or create");
  }
  if (const auto max_age = single_field(parameters, "max_age")) {
    std::int64_t seconds = -1;
    const auto [end, error] =
        std::from_chars(max_age->data(), max_age->data() + max_age->size(), seconds);
    if (error != std::errc{} || end != max_age->data() + max_age->size() || seconds < 0) {
      return to_client("invalid_request", "max_age must be a number of seconds");
    }
    request.max_age = seconds;
  }
  return request;
}

}  // namespace auth
