#include "domain/client.h"

#include <algorithm>
#include <boost/url/parse.hpp>

#include "domain/secret_digest.h"
#include "platform/crypto.h"
#include "platform/ids.h"

namespace auth {
namespace {

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

bool RegisteredClient::allows_grant(std::string_view grant) const {
  return contains(grant_types, grant);
}

bool RegisteredClient::has_redirect_uri(std::string_view uri) const {
  return contains(redirect_uris, uri);
}

bool RegisteredClient::has_post_logout_redirect_uri(std::string_view uri) const {
  return contains(post_logout_redirect_uris, uri);
}

bool is_valid_client_id(std::string_view id) {
  if (id.size() < 2 || id.size() > 64 || platform::is_uuid(id)) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

bool is_valid_redirect_uri(std::string_view uri) {
  if (uri.size() > 2000) return false;
  const auto parsed = boost::urls::parse_absolute_uri(uri);
  if (!parsed) return false;
  const auto scheme = parsed->scheme();
  return (scheme == "http" || scheme == "https") && !parsed->host().empty() &&
         !parsed->has_userinfo() && uri.find('#') == std::string_view::npos;
}

std::string origin_of(std::string_view uri) {
  const auto parsed = boost::urls::parse_absolute_uri(uri);
  if (!parsed) return {};
  std::string origin = std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_host());
  if (parsed->has_port()) origin += ":" + std::string(parsed->port());
  return origin;
}

std::string hash_client_secret(std::string_view secret) { return secret_digest(secret); }

bool client_secret_matches(const RegisteredClient& client, std::string_view secret) {
  if (!client.secret_hash) return false;
  return platform::crypto::constant_time_equal(hash_client_secret(secret), *client.secret_hash);
}

}  // namespace auth
