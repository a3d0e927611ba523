#include "platform/http/idempotency.h"

#include <gtest/gtest.h>

#include <atomic>

#include "platform/bus/outbox.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

using namespace platform::http;

namespace {

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = platform::testing::open_fresh_database(platform::testing::DatabaseBackend::sqlite);
    platform::db::migrate(database_->database(), {platform::bus::migrations()});
    Router router;
    router.use_token_verifier(issuer_.verifier());
    router.post("/things", idempotent(database_->database(), "test", [this](Request&) {
                  auto response = Response::json(201, "{\"n\":" + std::to_string(++made_) + "}");
                  return response;
                }));
    ServerOptions options;
    options.access_log = false;
    server_ = std::make_unique<Server>(options, std::move(router), registry_);
    server_->start();
  }
  void TearDown() override { server_->stop(std::chrono::seconds(1)); }

  Response post(const std::string& token, const std::string& key) {
    auto headers = platform::testing::TestIssuer::bearer(token);
    headers.set("Idempotency-Key", key);
    return client_.post_json("http://127.0.0.1:" + std::to_string(server_->port()) + "/things",
                             "{}", headers);
  }

  platform::testing::TestIssuer issuer_;
  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::metrics::Registry registry_;
  std::unique_ptr<Server> server_;
  Client client_;
  std::atomic<int> made_{0};
};

TEST_F(IdempotencyTest, ARetryReplaysTheFirstResponse) {
  const auto token = issuer_.user_token("user-a");
  const auto first = post(token, "key-1");
  const auto again = post(token, "key-1");
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.headers.get("Idempotent-Replayed"), "true");
  EXPECT_EQ(made_, 1);
}

TEST_F(IdempotencyTest, KeysBelongToTheCaller) {
  const auto mine = post(issuer_.user_token("user-a"), "shared-key");
  const auto theirs = post(issuer_.user_token("user-b"), "shared-key");
  EXPECT_EQ(theirs.status, 201);
  EXPECT_NE(theirs.body, mine.body) << "another caller's response is never replayed";
  EXPECT_TRUE(theirs.headers.get("Idempotent-Replayed").empty());
  EXPECT_EQ(made_, 2);
}

TEST_F(IdempotencyTest, ForgottenKeysRunAgain) {
  const auto token = issuer_.user_token("user-a");
  post(token, "key-2");
  database_->database().write(
      [](platform::db::Session& session) { forget_idempotency_keys(session, "test", "user-a"); });
  EXPECT_TRUE(post(token, "key-2").headers.get("Idempotent-Replayed").empty());
  EXPECT_EQ(made_, 2);
}

}  // namespace
