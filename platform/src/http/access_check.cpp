#include "http/access_check.h"

#include <algorithm>

#include "platform/auth/token_verifier.h"
#include "platform/error.h"
#include "platform/http/problem.h"

namespace platform::http {
namespace {

// RFC 6750 §3: every 401 says how to authenticate, and why a token failed.
Response challenge(int status, std::string_view code, const std::string& detail,
                   std::string_view error) {
  auto response = problem(status, code, "", detail);
  std::string value = "Bearer realm=\"shop\"";
  if (!error.empty()) value += ", error=\"" + std::string(error) + "\"";
  response.headers.set("WWW-Authenticate", value);
  return response;
}

std::optional<std::string_view> bearer_token(const Request& request) {
  const auto header = request.header("Authorization");
  constexpr std::string_view scheme = "bearer ";
  if (header.size() <= scheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != scheme[i]) return std::nullopt;
  }
  auto token = header.substr(scheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  if (token.empty()) return std::nullopt;
  return token;
}

bool permitted(const Access& access, const auth::Caller& caller) {
  if (access.users_only && caller.is_service()) return false;
  if (access.roles.empty() && access.scopes.empty()) return true;
  const bool by_role =
      !caller.is_service() && std::any_of(access.roles.begin(), access.roles.end(),
                                          [&](const auto& role) { return caller.has_role(role); });
  const bool by_scope = std::any_of(access.scopes.begin(), access.scopes.end(),
                                    [&](const auto& scope) { return caller.has_scope(scope); });
  return by_role || by_scope;
}

}  // namespace

std::optional<Response> check_access(Request& request, const Route& route) {
  const auto& access = route.options.access;
  const bool token_sent = !request.header("Authorization").empty();
  if (!access.token_required && !(access.token_optional && token_sent)) return std::nullopt;
  if (!token_sent) {
    return challenge(401, "unauthenticated", "this route requires a bearer token", "");
  }
  const auto token = bearer_token(request);
  if (!token) {
    return challenge(401, "invalid-token", "Authorization must be \"Bearer <token>\"",
                     "invalid_request");
  }
  try {
    request.caller = route.verifier->verify(*token);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::unauthenticated) return problem_from(error);
    return challenge(401, "invalid-token", error.what(), "invalid_token");
  }
  if (!permitted(access, *request.caller)) {
    auto response = challenge(403, "forbidden", "the token does not grant access to this route",
                              access.scopes.empty() ? "" : "insufficient_scope");
    return response;
  }
  return std::nullopt;
}

}  // namespace platform::http
