#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "platform/http/client.h"
#include "platform/http/form.h"
#include "platform/http/message.h"

namespace platform::testing {

// The cookie jar of a browser for tests that go through sign-in pages: it
// keeps what Set-Cookie sets (and drops what Max-Age=0 deletes) and says
// what the next request's Cookie header is. Redirects are left to the test.
struct Browser {
  std::map<std::string, std::string> cookies;

  std::string cookie_header() const;
  void remember(const http::Response& response);
};

using http::form_encode;

// The value of the hidden input `name` in an HTML page.
std::optional<std::string> hidden_field(std::string_view html, std::string_view name);

// The storefront's sign-up or sign-in through the auth service's pages
// (authorization code with PKCE, client "storefront", redirect to
// <shop_url>/callback), as a person in a browser does it: `action` is
// "sign-up" or "sign-in", `fields` the form's fields (form-encoded). The
// access token, or empty when any step fails. `shop_url` is where the auth
// service answers under /api/auth (the gateway).
std::string storefront_access_token(http::Client& client, const std::string& shop_url,
                                    const std::string& action, const std::string& fields);

}  // namespace platform::testing
