#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>

#include "auth_service.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/browser.h"
#include "platform/testing/databases.h"

namespace auth::testing {

// A real auth service over real HTTP, on SQLite with the in-process bus or
// on a fresh PostgreSQL database with NATS JetStream. Registered: a public
// browser client "web" and a confidential service client "orders".
class AuthTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend> {
 public:
  static constexpr const char* kWebRedirect = "http://127.0.0.1:9/callback";
  static constexpr const char* kWebLogoutRedirect = "http://127.0.0.1:9/signed-out";
  static constexpr const char* kOrdersSecret = "orders-secret-orders-secret-orders-secret";
  static constexpr const char* kAdminEmail = "admin@shop.test";
  static constexpr const char* kAdminPassword = "a long owner passphrase";

  using Browser = platform::testing::Browser;

  // One authorization request's secrets, as a client keeps them.
  struct Flow {
    std::string verifier;
    std::string challenge;
    std::string state;
    std::string nonce;
  };

 protected:
  void SetUp() override;
  void TearDown() override;
  // Lets a test suite change the options before the service starts.
  virtual void configure(AuthOptions&) {}

  std::string issuer() const;
  std::string url(const std::string& path) const;

  platform::http::Response get(const std::string& path_and_query, Browser* browser = nullptr,
                               platform::http::Headers headers = {});
  platform::http::Response post_form(const std::string& path, const std::string& form,
                                     Browser* browser = nullptr,
                                     platform::http::Headers headers = {});

  static Flow new_flow();
  std::string authorize_query(const Flow& flow,
                              const std::string& scope = "openid profile email offline_access",
                              const std::string& extra = "");
  // GET /oauth2/authorize: the sign-in page; returns the pending request id.
  std::string open_sign_in(Browser& browser, const Flow& flow,
                           const std::string& scope = "openid profile email offline_access");
  // Submits the sign-in form; returns the response (303 with the code on success).
  platform::http::Response submit_sign_in(Browser& browser, const std::string& request,
                                          const std::string& email, const std::string& password);
  platform::http::Response submit_sign_up(Browser& browser, const std::string& request,
                                          const std::string& name, const std::string& email,
                                          const std::string& password);
  // The code in a redirect to the web client, after checking state and iss.
  std::string code_from(const platform::http::Response& redirect, const Flow& flow);
  // The whole browser flow for an account that exists; returns the code.
  std::string sign_in_for_code(Browser& browser, const Flow& flow, const std::string& email,
                               const std::string& password,
                               const std::string& scope = "openid profile email offline_access");
  // POST /oauth2/token as the web client.
  platform::http::Response exchange(const std::string& code, const Flow& flow,
                                    const std::string& redirect_uri = kWebRedirect);
  platform::http::Response refresh(const std::string& refresh_token, const std::string& scope = "");
  // Creates a customer through the sign-up form; returns the token response.
  boost::json::object sign_up_customer(const std::string& email,
                                       const std::string& password = "a good long password");

  static boost::json::object json(const platform::http::Response& response);
  static std::string form_encode(std::string_view text) {
    return platform::testing::form_encode(text);
  }

  AuthOptions options_;
  int port_ = 0;
  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  std::unique_ptr<AuthService> service_;
  std::unique_ptr<platform::http::Server> server_;
  platform::http::Client client_;
};

std::string mode_name(const ::testing::TestParamInfo<platform::testing::DatabaseBackend>& info);

}  // namespace auth::testing
