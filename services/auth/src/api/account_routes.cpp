// REST routes over accounts and clients, for the admin UI and for users
// managing their own credentials.
#include <boost/json.hpp>

#include "api/routes.h"
#include "platform/clock.h"
#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/http/authorization.h"
#include "platform/http/json_response.h"
#include "platform/json.h"

namespace auth {
namespace {

using platform::http::Access;
using platform::http::Request;
using platform::http::Response;

boost::json::array string_array(const std::vector<std::string>& items) {
  boost::json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return array;
}

boost::json::object user_json(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"roles", string_array(user.roles)},
          {"status", user.status},
          {"created_at", platform::format_rfc3339(platform::from_unix_millis(user.created_at))}};
}

boost::json::object client_json(const RegisteredClient& client) {
  return {{"id", client.id},
          {"name", client.name},
          {"confidential", !client.is_public()},
          {"redirect_uris", string_array(client.redirect_uris)},
          {"post_logout_redirect_uris", string_array(client.post_logout_redirect_uris)},
          {"grant_types", string_array(client.grant_types)},
          {"scopes", string_array(client.scopes.items())}};
}

// "me" names the caller.
std::string user_id_of(const Request& request) {
  const auto& id = request.path_parameter("id");
  return id == "me" ? platform::http::caller_of(request).subject : id;
}

User existing_user(AuthStore& store, const std::string& id) {
  auto user = store.find_user(id);
  if (!user) throw platform::not_found("user-not-found", "no user " + id);
  return *user;
}

platform::http::RouteOptions admins() {
  return platform::http::requires_access(Access::role(std::string(kAdminRole)));
}

}  // namespace

void add_account_routes(platform::http::Router& router, ApiContext& context) {
  router.get(
      "/v1/users",
      [&context](Request& request) {
        const auto email = request.query_parameter("email");
        if (!email) throw platform::invalid_field("email", "email is required");
        boost::json::array items;
        if (auto user = context.store.find_user_by_email(std::string(*email))) {
          items.push_back(user_json(*user));
        }
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      admins());

  router.get("/v1/users/{id}", [&context](Request& request) {
    const auto id = user_id_of(request);
    platform::http::require_owner_or_admin(request, id);
    return platform::http::json_response(200, user_json(existing_user(context.store, id)));
  });

  router.put(
      "/v1/users/{id}/roles",
      [&context](Request& request) {
        platform::http::require_content_type(request, {"application/json"});
        const auto id = user_id_of(request);
        const auto object = platform::json::parse_object(request.body);
        platform::json::ObjectReader body(object);
        const auto roles = body.string_array("roles", {1, 32}, 10);
        body.finish();
        for (const auto& role : roles) {
          if (!is_known_role(role)) throw platform::invalid_field("roles", "unknown role " + role);
        }
        if (!context.store.set_roles(id, roles)) {
          throw platform::not_found("user-not-found", "no active user " + id);
        }
        return platform::http::json_response(200, user_json(existing_user(context.store, id)));
      },
      admins());

  router.post(
      "/v1/users/{id}/password",
      [&context](Request& request) {
        platform::http::require_content_type(request, {"application/json"});
        const auto id = user_id_of(request);
        if (platform::http::caller_of(request).subject != id) {
          throw platform::Error(platform::ErrorKind::forbidden, "forbidden",
                                "only the account's owner changes its password");
        }
        const auto object = platform::json::parse_object(request.body);
        platform::json::ObjectReader body(object);
        const auto current = body.required_string("current_password", {1, 1024});
        const auto replacement = body.required_string("new_password", {1, 1024});
        body.finish();
        context.provider.change_password(id, current, replacement);
        return Response::empty(204);
      },
      platform::http::requires_access(Access::user()));

  router.get(
      "/v1/clients",
      [&context](Request&) {
        boost::json::array items;
        for (const auto& client : context.store.list_clients())
          items.push_back(client_json(client));
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      admins());

  router.post(
      "/v1/clients",
      [&context](Request& request) {
        platform::http::require_content_type(request, {"application/json"});
        const auto object = platform::json::parse_object(request.body);
        platform::json::ObjectReader body(object);
        RegisteredClient client;
        client.id = body.required_string("id", {2, 64});
        client.name = body.required_string("name", {1, 100});
        const bool confidential = body.optional_bool("confidential").value_or(false);
        client.redirect_uris = body.string_array("redirect_uris", {1, 2000}, 20);
        client.post_logout_redirect_uris =
            body.string_array("post_logout_redirect_uris", {1, 2000}, 20);
        client.grant_types = body.string_array("grant_types", {1, 40}, 3);
        client.scopes = Scopes::of(body.string_array("scopes", {1, 100}, 50));
        body.finish();
        if (context.store.find_client(client.id)) {
          throw platform::conflict("client-exists", "a client " + client.id + " exists");
        }
        std::optional<std::string> secret;
        if (confidential) secret = platform::crypto::random_token(32);
        const auto stored = context.provider.register_client(client, secret);
        auto document = client_json(stored);
        // Shown once: only its digest is kept.
        if (secret) document["client_secret"] = *secret;
        auto response = platform::http::json_response(201, document);
        response.headers.set("Location", "/v1/clients/" + stored.id);
        response.headers.set("Cache-Control", "no-store");
        return response;
      },
      admins());

  router.get(
      "/v1/clients/{id}",
      [&context](Request& request) {
        const auto& id = request.path_parameter("id");
        const auto client = context.store.find_client(id);
        if (!client) throw platform::not_found("client-not-found", "no client " + id);
        return platform::http::json_response(200, client_json(*client));
      },
      admins());

  router.remove(
      "/v1/clients/{id}",
      [&context](Request& request) {
        const auto& id = request.path_parameter("id");
        if (!context.provider.delete_client(id)) {
          throw platform::not_found("client-not-found", "no client " + id);
        }
        return Response::empty(204);
      },
      admins());
}

}  // namespace auth
