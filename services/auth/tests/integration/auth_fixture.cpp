#include "auth_fixture.h"

#include <boost/url/parse.hpp>

#include "platform/bus/in_process_bus.h"
#include "platform/bus/nats_bus.h"
#include "platform/crypto.h"
#include "platform/ids.h"
#include "platform/testing/environment.h"

namespace auth::testing {

void AuthTest::SetUp() {
  database_ = platform::testing::open_fresh_database(GetParam());
  if (!database_) GTEST_SKIP() << "backend not configured";
  AuthService::migrate(database_->database());
  if (GetParam() == platform::testing::DatabaseBackend::postgres) {
    const auto nats = platform::testing::nats_url();
    SHOP_REQUIRE_BACKEND(nats, "NATS (SHOP_TEST_NATS_URL)");
    platform::bus::NatsBusOptions bus_options;
    bus_options.url = *nats;
    bus_options.connection_name = "auth-test";
    bus_ = std::make_unique<platform::bus::NatsBus>(bus_options);
  } else {
    bus_ = std::make_unique<platform::bus::InProcessBus>();
  }
  port_ = platform::testing::free_port();
  options_.provider.issuer = issuer();
  options_.keys.encryption_key = platform::crypto::random_bytes(32);
  // Checks behaviour, not cost: hashing stays cheap in tests.
  options_.argon2 = {.memory_kib = 1024, .iterations = 1, .parallelism = 1};
  options_.maintenance_interval = std::chrono::milliseconds(200);
  // Every test signs up from 127.0.0.1; the throttle has a test of its own.
  options_.provider.sign_up_throttle.allowed_failures = 1000;
  // Tests running at once share the NATS server: each gets its own consumer.
  options_.erasure_consumer = "auth-erasure-" + platform::random_hex(4);
  configure(options_);
  service_ = std::make_unique<AuthService>(database_->database(), *bus_, registry_, options_);

  RegisteredClient web;
  web.id = "web";
  web.name = "Web shop";
  web.redirect_uris = {kWebRedirect};
  web.post_logout_redirect_uris = {kWebLogoutRedirect};
  web.grant_types = {"authorization_code", "refresh_token"};
  web.scopes = Scopes::of({"openid", "profile", "email", "offline_access"});
  service_->provider().register_client(web, std::nullopt);
  RegisteredClient orders;
  orders.id = "orders";
  orders.name = "Orders service";
  orders.grant_types = {"client_credentials"};
  orders.scopes = Scopes::of({"catalog.reservations", "payments.charge"});
  service_->provider().register_client(orders, std::string(kOrdersSecret));
  service_->provider().ensure_admin(kAdminEmail, kAdminPassword);

  platform::http::ServerOptions server_options;
  server_options.service = "auth-test";
  server_options.port = port_;
  server_options.access_log = false;
  server_ = std::make_unique<platform::http::Server>(server_options, service_->routes(), registry_);
  server_->start();
}

void AuthTest::TearDown() {
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  bus_.reset();
  database_.reset();
}

std::string AuthTest::issuer() const { return "http://127.0.0.1:" + std::to_string(port_); }
std::string AuthTest::url(const std::string& path) const { return issuer() + path; }

platform::http::Response AuthTest::get(const std::string& path_and_query, Browser* browser,
                                       platform::http::Headers headers) {
  if (browser != nullptr && !browser->cookies.empty())
    headers.set("Cookie", browser->cookie_header());
  auto response = client_.get(url(path_and_query), std::move(headers));
  if (browser != nullptr) browser->remember(response);
  return response;
}

platform::http::Response AuthTest::post_form(const std::string& path, const std::string& form,
                                             Browser* browser, platform::http::Headers headers) {
  platform::http::ClientRequest request;
  request.method = platform::http::Method::post;
  request.url = url(path);
  request.headers = std::move(headers);
  request.headers.set("Content-Type", "application/x-www-form-urlencoded");
  if (browser != nullptr && !browser->cookies.empty()) {
    request.headers.set("Cookie", browser->cookie_header());
  }
  request.body = form;
  auto response = client_.send(std::move(request));
  if (browser != nullptr) browser->remember(response);
  return response;
}

AuthTest::Flow AuthTest::new_flow() {
  Flow flow;
  flow.verifier = platform::crypto::random_token(48);
  flow.challenge = platform::crypto::base64url_encode(platform::crypto::sha256(flow.verifier));
  flow.state = platform::crypto::random_token(8);
  flow.nonce = platform::crypto::random_token(8);
  return flow;
}

std::string AuthTest::authorize_query(const Flow& flow, const std::string& scope,
                                      const std::string& extra) {
  return "/oauth2/authorize?response_type=code&client_id=web&redirect_uri=" +
         form_encode(kWebRedirect) + "&scope=" + form_encode(scope) + "&state=" + flow.state +
         "&nonce=" + flow.nonce + "&code_challenge=" + flow.challenge +
         "&code_challenge_method=S256" + extra;
}

std::string AuthTest::open_sign_in(Browser& browser, const Flow& flow, const std::string& scope) {
  const auto page = get(authorize_query(flow, scope), &browser);
  EXPECT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.headers.get("Content-Type"), "text/html; charset=utf-8");
  const auto request = platform::testing::hidden_field(page.body, "request");
  if (!request) ADD_FAILURE() << "no pending request in the page";
  return request.value_or("");
}

platform::http::Response AuthTest::submit_sign_in(Browser& browser, const std::string& request,
                                                  const std::string& email,
                                                  const std::string& password) {
  return post_form("/oauth2/authorize/sign-in",
                   "request=" + form_encode(request) + "&email=" + form_encode(email) +
                       "&password=" + form_encode(password),
                   &browser);
}

platform::http::Response AuthTest::submit_sign_up(Browser& browser, const std::string& request,
                                                  const std::string& name, const std::string& email,
                                                  const std::string& password) {
  return post_form("/oauth2/authorize/sign-up",
                   "request=" + form_encode(request) + "&name=" + form_encode(name) +
                       "&email=" + form_encode(email) + "&password=" + form_encode(password),
                   &browser);
}

std::string AuthTest::code_from(const platform::http::Response& redirect, const Flow& flow) {
  EXPECT_EQ(redirect.status, 303) << redirect.body.substr(0, 2000);
  const std::string location(redirect.headers.get("Location"));
  EXPECT_TRUE(location.starts_with(kWebRedirect)) << location;
  const auto parsed = boost::urls::parse_uri(location);
  if (!parsed) return {};
  std::string code;
  bool state_ok = false;
  bool issuer_ok = false;
  for (const auto& parameter : parsed->params()) {
    if (parameter.key == "code") code = parameter.value;
    if (parameter.key == "state") state_ok = parameter.value == flow.state;
    if (parameter.key == "iss") issuer_ok = parameter.value == issuer();
  }
  EXPECT_TRUE(state_ok) << location;
  EXPECT_TRUE(issuer_ok) << location;
  return code;
}

std::string AuthTest::sign_in_for_code(Browser& browser, const Flow& flow, const std::string& email,
                                       const std::string& password, const std::string& scope) {
  const auto request = open_sign_in(browser, flow, scope);
  return code_from(submit_sign_in(browser, request, email, password), flow);
}

platform::http::Response AuthTest::exchange(const std::string& code, const Flow& flow,
                                            const std::string& redirect_uri) {
  return post_form("/oauth2/token",
                   "grant_type=authorization_code&client_id=web&code=" + form_encode(code) +
                       "&redirect_uri=" + form_encode(redirect_uri) +
                       "&code_verifier=" + form_encode(flow.verifier));
}

platform::http::Response AuthTest::refresh(const std::string& refresh_token,
                                           const std::string& scope) {
  std::string form =
      "grant_type=refresh_token&client_id=web&refresh_token=" + form_encode(refresh_token);
  if (!scope.empty()) form += "&scope=" + form_encode(scope);
  return post_form("/oauth2/token", form);
}

boost::json::object AuthTest::sign_up_customer(const std::string& email,
                                               const std::string& password) {
  Browser browser;
  const auto flow = new_flow();
  const auto request = open_sign_in(browser, flow);
  const auto code =
      code_from(submit_sign_up(browser, request, "Customer " + email, email, password), flow);
  const auto tokens = exchange(code, flow);
  EXPECT_EQ(tokens.status, 200) << tokens.body;
  return tokens.status == 200 ? json(tokens) : boost::json::object{};
}

boost::json::object AuthTest::json(const platform::http::Response& response) {
  boost::system::error_code error;
  auto value = boost::json::parse(response.body, error);
  if (error || !value.is_object()) return {};
  return value.as_object();
}

std::string mode_name(const ::testing::TestParamInfo<platform::testing::DatabaseBackend>& info) {
  return info.param == platform::testing::DatabaseBackend::postgres ? "DistributedPostgreSQLNats"
                                                                    : "EmbeddedSQLiteInProcess";
}

}  // namespace auth::testing
