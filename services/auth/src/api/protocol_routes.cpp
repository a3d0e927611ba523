// The OAuth protocol endpoints. Their requests are forms and their errors are
// RFC 6749 JSON ({"error","error_description"}), which is what OAuth client
// libraries speak; the REST routes of the service use problem+json.
#include <boost/json.hpp>

#include "api/routes.h"
#include "platform/crypto.h"
#include "platform/http/form.h"
#include "platform/http/json_response.h"
#include "platform/log.h"
#include "provider/oauth_error.h"

namespace auth {
namespace {

using platform::http::Request;
using platform::http::Response;

Response no_store(Response response) {
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Pragma", "no-cache");
  return response;
}

// `challenge_scheme` is the scheme the client authenticated with in the
// Authorization header, which a 401 must name (RFC 6749 §5.2); empty when
// it sent its credentials in the body.
Response oauth_error(const OAuthError& error, std::string_view challenge_scheme) {
  auto response = platform::http::json_response(
      error.status(),
      boost::json::object{{"error", error.error()}, {"error_description", error.what()}});
  if (!challenge_scheme.empty() &&
      (error.status() == 401 || (error.status() == 403 && challenge_scheme == "Bearer"))) {
    std::string challenge = std::string(challenge_scheme) + " realm=\"auth\"";
    if (challenge_scheme == "Bearer") challenge += ", error=\"" + error.error() + "\"";
    response.headers.set("WWW-Authenticate", challenge);
  }
  return no_store(std::move(response));
}

platform::http::FormFields form_of(const Request& request) {
  const auto type = request.header("Content-Type");
  if (type.substr(0, type.find(';')) != "application/x-www-form-urlencoded") {
    throw OAuthError("invalid_request", "the body must be application/x-www-form-urlencoded");
  }
  auto form = platform::http::parse_form(request.body);
  if (!form) throw OAuthError("invalid_request", "the form is malformed");
  return *form;
}

// RFC 6749 §2.3.1: HTTP Basic with the form-encoded id and secret, or both
// in the body; never both ways at once.
PresentedClient presented_client(const Request& request, const platform::http::FormFields& form) {
  const auto header = request.header("Authorization");
  const auto body_id = platform::http::single_field(form, "client_id");
  const auto body_secret = platform::http::single_field(form, "client_secret");
  if (header.empty()) {
    return {body_id.value_or(""), body_secret};
  }
  if (!header.starts_with("Basic ") || body_secret) {
    throw OAuthError("invalid_request", "use one client authentication method");
  }
  const auto decoded = platform::crypto::base64_decode(header.substr(6));
  const auto colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos)
    throw OAuthError("invalid_client", "malformed Basic credentials", 401);
  auto id = platform::http::form_decode(std::string_view(*decoded).substr(0, colon));
  auto secret = platform::http::form_decode(std::string_view(*decoded).substr(colon + 1));
  if (!id || !secret) throw OAuthError("invalid_client", "malformed Basic credentials", 401);
  if (body_id && *body_id != *id) {
    throw OAuthError("invalid_request", "client_id differs from the authenticated client");
  }
  return {*id, *secret};
}

std::string_view basic_scheme(const Request& request) {
  return request.header("Authorization").empty() ? "" : "Basic";
}

std::string bearer_of(const Request& request, const platform::http::FormFields& form) {
  const auto header = request.header("Authorization");
  if (header.size() > 7 && (header.starts_with("Bearer ") || header.starts_with("bearer "))) {
    return std::string(header.substr(7));
  }
  if (auto token = platform::http::single_field(form, "access_token")) return *token;
  throw OAuthError("invalid_token", "no access token was presented", 401);
}

}  // namespace

void add_protocol_routes(platform::http::Router& router, ApiContext& context) {
  router.post(
      "/oauth2/token",
      [&context](Request& request) {
        std::string grant = "unknown";
        try {
          const auto form = form_of(request);
          grant = platform::http::single_field(form, "grant_type").value_or("unknown");
          if (grant != "authorization_code" && grant != "refresh_token" &&
              grant != "client_credentials") {
            grant = "unsupported";
          }
          auto body = context.provider.token(form, presented_client(request, form));
          context.tokens.with({grant, "issued"}).increment();
          return no_store(platform::http::json_response(200, body));
        } catch (const OAuthError& error) {
          context.tokens.with({grant, error.error()}).increment();
          return oauth_error(error, basic_scheme(request));
        }
      },
      platform::http::public_route());

  router.post(
      "/oauth2/revoke",
      [&context](Request& request) {
        try {
          const auto form = form_of(request);
          context.provider.revoke(form, presented_client(request, form));
          return no_store(Response::empty(200));
        } catch (const OAuthError& error) {
          return oauth_error(error, basic_scheme(request));
        }
      },
      platform::http::public_route());

  const auto user_info = [&context](Request& request) {
    try {
      platform::http::FormFields form;
      if (request.method == platform::http::Method::post && !request.body.empty()) {
        form = form_of(request);
      }
      return no_store(
          platform::http::json_response(200, context.provider.user_info(bearer_of(request, form))));
    } catch (const OAuthError& error) {
      return oauth_error(error, "Bearer");
    }
  };
  router.get("/userinfo", user_info, platform::http::public_route());
  router.post("/userinfo", user_info, platform::http::public_route());
}

}  // namespace auth
