#include "platform/testing/browser.h"

#include <boost/json.hpp>
#include <cctype>
#include <cstdio>

#include "platform/crypto.h"

namespace platform::testing {

std::string Browser::cookie_header() const {
  std::string header;
  for (const auto& [name, value] : cookies) {
    if (!header.empty()) header += "; ";
    header += name + "=" + value;
  }
  return header;
}

void Browser::remember(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name != "Set-Cookie" && name != "set-cookie") continue;
    const auto equals = value.find('=');
    const auto end = value.find(';');
    const auto cookie = value.substr(0, equals);
    if (value.find("Max-Age=0") != std::string::npos) {
      cookies.erase(cookie);
    } else {
      cookies[cookie] = value.substr(equals + 1, end - equals - 1);
    }
  }
}

std::optional<std::string> hidden_field(std::string_view html, std::string_view name) {
  const std::string marker = "name=\"" + std::string(name) + "\" value=\"";
  const auto start = html.find(marker);
  if (start == std::string_view::npos) return std::nullopt;
  const auto value_start = start + marker.size();
  const auto end = html.find('"', value_start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(html.substr(value_start, end - value_start));
}

std::string storefront_access_token(http::Client& client, const std::string& shop_url,
                                    const std::string& action, const std::string& fields) {
  Browser browser;
  const auto send = [&](http::Method method, const std::string& path, const std::string& form) {
    http::ClientRequest request;
    request.method = method;
    request.url = shop_url + path;
    if (!form.empty()) request.headers.set("Content-Type", "application/x-www-form-urlencoded");
    request.headers.set("Cookie", browser.cookie_header());
    request.body = form;
    auto response = client.send(std::move(request));
    browser.remember(response);
    return response;
  };
  const auto verifier = crypto::random_token(48);
  const auto challenge = crypto::base64url_encode(crypto::sha256(verifier));
  const auto redirect = shop_url + "/callback";
  const auto page =
      send(http::Method::get,
           "/api/auth/oauth2/authorize?response_type=code&client_id=storefront"
           "&redirect_uri=" +
               form_encode(redirect) + "&scope=openid%20email&code_challenge=" + challenge +
               "&code_challenge_method=S256&state=s",
           {});
  if (page.status != 200) return {};
  const auto request = hidden_field(page.body, "request").value_or("");
  const auto done = send(http::Method::post, "/api/auth/oauth2/authorize/" + action,
                         "request=" + request + "&" + fields);
  const std::string location(done.headers.get("Location"));
  const auto code_at = location.find("code=");
  if (done.status != 303 || code_at == std::string::npos) return {};
  const auto code = location.substr(code_at + 5, location.find('&', code_at) - code_at - 5);
  const auto tokens =
      send(http::Method::post, "/api/auth/oauth2/token",
           "grant_type=authorization_code&client_id=storefront&code=" + code +
               "&redirect_uri=" + form_encode(redirect) + "&code_verifier=" + verifier);
  if (tokens.status != 200) return {};
  return std::string(boost::json::parse(tokens.body).at("access_token").as_string());
}

}  // namespace platform::testing
