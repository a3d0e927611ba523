#include "security/key_ring.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "auth_service.h"
#include "platform/crypto.h"
#include "platform/testing/databases.h"

namespace auth::testing {
namespace {

class KeyRingTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend> {
 protected:
  void SetUp() override {
    database_ = platform::testing::open_fresh_database(GetParam());
    if (!database_) GTEST_SKIP() << "backend not configured";
    platform::db::migrate(database_->database(), {{"auth", migrations()}});
    store_ = std::make_unique<AuthStore>(database_->database(), nullptr);
    options_.encryption_key = platform::crypto::random_bytes(32);
  }

  std::size_t published() {
    return boost::json::parse(KeyRing(*store_, options_).jwks()).at("keys").as_array().size();
  }

  std::unique_ptr<platform::testing::FreshDatabase> database_;
  std::unique_ptr<AuthStore> store_;
  KeyRingOptions options_;
};

TEST_P(KeyRingTest, MakesOneKeyAndReplicasShareIt) {
  KeyRing first(*store_, options_);
  first.maintain();
  KeyRing second(*store_, options_);
  second.maintain();
  EXPECT_EQ(first.signing_key().key_id(), second.signing_key().key_id());
  EXPECT_EQ(first.signing_key().algorithm(), platform::auth::Algorithm::rs256);
  EXPECT_EQ(boost::json::parse(second.jwks()).at("keys").as_array().size(), 1u);
}

TEST_P(KeyRingTest, AChangedAlgorithmSignsWithANewKeyAtOnce) {
  KeyRing rsa(*store_, options_);
  rsa.maintain();
  const auto old_kid = rsa.signing_key().key_id();
  options_.algorithm = platform::auth::Algorithm::es256;
  KeyRing ec(*store_, options_);
  ec.maintain();
  EXPECT_EQ(ec.signing_key().algorithm(), platform::auth::Algorithm::es256);
  const auto keys = boost::json::parse(ec.jwks()).at("keys").as_array();
  EXPECT_EQ(keys.size(), 2u) << "the RS256 key stays published for its tokens";
  EXPECT_TRUE(std::any_of(keys.begin(), keys.end(),
                          [&](const auto& key) { return key.at("kid").as_string() == old_kid; }));
}

TEST_P(KeyRingTest, KeysSealedUnderAnotherSecretAreReplacedNotUsed) {
  KeyRing before(*store_, options_);
  before.maintain();
  const auto lost_kid = before.signing_key().key_id();
  options_.encryption_key = platform::crypto::random_bytes(32);  // the secret was changed
  KeyRing after(*store_, options_);
  after.maintain();
  EXPECT_NE(after.signing_key().key_id(), lost_kid);
}

TEST_P(KeyRingTest, TheNextKeyIsAnnouncedBeforeItSigns) {
  options_.rotation = std::chrono::seconds(10);
  options_.announce_ahead = std::chrono::seconds(20);  // always within the announcement window
  EXPECT_THROW(KeyRing(*store_, options_), std::invalid_argument)
      << "announcing further ahead than a key lives makes no schedule";
  options_.announce_ahead = std::chrono::seconds(9);
  KeyRing ring(*store_, options_);
  ring.maintain();
  const auto current = ring.signing_key().key_id();
  ring.maintain();  // 10 s left > 9 s ahead: nothing to do
  EXPECT_EQ(boost::json::parse(ring.jwks()).at("keys").as_array().size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ring.maintain();  // now within 9 s of the end: the successor is published
  EXPECT_EQ(boost::json::parse(ring.jwks()).at("keys").as_array().size(), 2u);
  EXPECT_EQ(ring.signing_key().key_id(), current) << "but does not sign before its turn";
}

INSTANTIATE_TEST_SUITE_P(Backends, KeyRingTest,
                         ::testing::ValuesIn(platform::testing::database_backends()),
                         platform::testing::backend_name);

}  // namespace
}  // namespace auth::testing
