// The embedded shop end to end across services: a person signs up at the
// auth service, the customers service learns of it through the event bus,
// the person erases their data there, and the auth service erases the
// account in turn. Real executable, real HTTP, the shop's own SQLite bus.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>

#include "platform/http/client.h"
#include "platform/testing/browser.h"
#include "platform/testing/child_process.h"
#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;
using platform::testing::Browser;
using platform::testing::form_encode;

class ShopIdentity : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = platform::testing::free_port();
    shop_ = std::make_unique<platform::testing::ChildProcess>(
        SHOP_BINARY,
        std::map<std::string, std::string>{{"SHOP_PORT", std::to_string(port_)},
                                           {"SHOP_PUBLIC_URL", base()},
                                           {"SHOP_DATA_DIR", (directory_.path() / "data").string()},
                                           {"SHOP_SEED_DEMO", "false"},
                                           {"SHOP_ACCESS_LOG", "false"}},
        directory_.path() / "shop.log");
    ASSERT_TRUE(platform::testing::wait_for_http_ok(port_, "/readyz", 20s)) << shop_->log();
  }

  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

  platform::http::Response get(const std::string& path, const std::string& token = {},
                               Browser* browser = nullptr) {
    platform::http::Headers headers;
    if (!token.empty()) headers.set("Authorization", "Bearer " + token);
    if (browser != nullptr) headers.set("Cookie", browser->cookie_header());
    auto response = client_.get(base() + path, headers);
    if (browser != nullptr) browser->remember(response);
    return response;
  }

  platform::http::Response send(platform::http::Method method, const std::string& path,
                                const std::string& form, Browser* browser = nullptr,
                                const std::string& token = {}) {
    platform::http::ClientRequest request;
    request.method = method;
    request.url = base() + path;
    if (!form.empty()) request.headers.set("Content-Type", "application/x-www-form-urlencoded");
    if (browser != nullptr) request.headers.set("Cookie", browser->cookie_header());
    if (!token.empty()) request.headers.set("Authorization", "Bearer " + token);
    request.body = form;
    auto response = client_.send(std::move(request));
    if (browser != nullptr) browser->remember(response);
    return response;
  }

  // The storefront's sign-up (or sign-in) through the pages; the access token.
  std::string browser_flow(const std::string& action, const std::string& fields) {
    return platform::testing::storefront_access_token(client_, base(), action, fields);
  }

  platform::testing::TemporaryDirectory directory_;
  int port_ = 0;
  std::unique_ptr<platform::testing::ChildProcess> shop_;
  platform::http::Client client_;
};

TEST_F(ShopIdentity, SignUpReachesCustomersAndErasureReachesAuth) {
  const std::string credentials =
      "name=Ida&email=ida%40example.com&password=" + form_encode("a long passphrase of ida");
  const auto token = browser_flow("sign-up", credentials);
  ASSERT_FALSE(token.empty()) << shop_->log();

  // auth.user.registered travels through the shop's bus to customers.
  std::string email;
  for (int i = 0; i < 100 && email != "ida@example.com"; ++i) {
    const auto me = get("/api/customers/v1/customers/me", token);
    ASSERT_EQ(me.status, 200) << me.body;
    const auto profile = boost::json::parse(me.body);
    const auto& value = profile.at("email");
    email = value.is_string() ? std::string(value.as_string()) : "";
    if (email != "ida@example.com") std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(email, "ida@example.com");

  EXPECT_EQ(
      send(platform::http::Method::delete_, "/api/customers/v1/customers/me", "", nullptr, token)
          .status,
      204);
  // customers.customer.deleted travels back: the account cannot sign in.
  std::string again;
  for (int i = 0; i < 100; ++i) {
    again = browser_flow(
        "sign-in", "email=ida%40example.com&password=" + form_encode("a long passphrase of ida"));
    if (again.empty()) break;
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(again.empty()) << "the erased account still signs in";
}

TEST_F(ShopIdentity, ACustomerSavesACardThatOnlyTheySee) {
  const auto token = browser_flow(
      "sign-up", "name=Cy&email=cy%40example.com&password=" + form_encode("cy's long passphrase"));
  ASSERT_FALSE(token.empty()) << shop_->log();
  const boost::json::object card{{"number", "4242 4242 4242 4242"},
                                 {"expiry_month", 12},
                                 {"expiry_year", 2040},
                                 {"cvc", "123"},
                                 {"holder", "Cy"}};
  platform::http::ClientRequest request;
  request.method = platform::http::Method::post;
  request.url = base() + "/api/payments/v1/payment-methods";
  request.headers.set("Content-Type", "application/json");
  request.headers.set("Authorization", "Bearer " + token);
  request.body = boost::json::serialize(card);
  const auto saved = client_.send(std::move(request));
  ASSERT_EQ(saved.status, 201) << saved.body;
  const auto mine = get("/api/payments/v1/payment-methods", token);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(boost::json::parse(mine.body).at("items").as_array().size(), 1u);
  EXPECT_EQ(get("/api/payments/v1/payment-methods").status, 401) << "the gateway asks for a token";
}

TEST_F(ShopIdentity, TheAdminManagesTheCatalogOthersDoNot) {
  const auto admin = browser_flow(
      "sign-in", "email=admin%40shop.local&password=" + form_encode("open sesame shop demo"));
  ASSERT_FALSE(admin.empty()) << shop_->log();
  const auto category =
      send(platform::http::Method::post, "/api/catalog/v1/categories", "", nullptr, admin);
  EXPECT_EQ(category.status, 415) << "admin reaches the handler (which wants JSON)";
  const auto anonymous = send(platform::http::Method::post, "/api/catalog/v1/categories", "");
  EXPECT_EQ(anonymous.status, 401);
}

}  // namespace
