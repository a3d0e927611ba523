// The key-value store against real Redis and against SQLite: the same
// behaviour from both, since the cart runs on either.
#include "platform/kv/key_value_store.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "kv/redis_connection.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/testing/environment.h"

namespace platform::kv {
namespace {

using namespace std::chrono_literals;

enum class Backend { redis, sqlite };

class KeyValueStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::redis) {
      const auto url = testing::redis_url();
      SHOP_REQUIRE_BACKEND(url, "Redis (SHOP_TEST_REDIS_URL)");
      store_ = open_key_value_store(*url);
    } else {
      store_ = open_key_value_store("sqlite:" + (directory_.path() / "kv.db").string());
    }
    // Tests share the Redis server: each uses keys of its own.
    prefix_ = "test:" + random_hex(8) + ":";
  }

  std::string key(const std::string& name) const { return prefix_ + name; }

  testing::TemporaryDirectory directory_;
  std::unique_ptr<KeyValueStore> store_;
  std::string prefix_;
};

TEST_P(KeyValueStoreTest, WritesOnlyOverTheVersionItRead) {
  const auto cart = key("cart");
  EXPECT_EQ(store_->get(cart), std::nullopt);
  EXPECT_EQ(store_->put_if_version(cart, "one lamp", 0, 60s), 1);
  EXPECT_EQ(store_->put_if_version(cart, "someone else's", 0, 60s), std::nullopt)
      << "the key is no longer empty";
  const auto read = store_->get(cart);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->value, "one lamp");
  EXPECT_EQ(read->version, 1);
  EXPECT_EQ(store_->put_if_version(cart, "two lamps", 1, 60s), 2);
  EXPECT_EQ(store_->put_if_version(cart, "stale write", 1, 60s), std::nullopt);
  EXPECT_EQ(store_->get(cart)->value, "two lamps");
  EXPECT_TRUE(store_->remove(cart));
  EXPECT_FALSE(store_->remove(cart));
  EXPECT_EQ(store_->get(cart), std::nullopt);
  EXPECT_EQ(store_->put_if_version(cart, "again", 0, 60s), 1) << "a removed key starts over";
}

TEST_P(KeyValueStoreTest, KeysLeftAloneExpireAndTouchingKeepsThem) {
  const auto left = key("left");
  const auto kept = key("kept");
  ASSERT_EQ(store_->put_if_version(left, "x", 0, 300ms), 1);
  ASSERT_EQ(store_->put_if_version(kept, "y", 0, 300ms), 1);
  for (int i = 0; i < 4; ++i) {
    std::this_thread::sleep_for(150ms);
    EXPECT_TRUE(store_->touch(kept, 300ms));
  }
  EXPECT_EQ(store_->get(left), std::nullopt) << "600 ms after a 300 ms expiry";
  EXPECT_FALSE(store_->touch(left, 300ms));
  EXPECT_EQ(store_->get(kept)->value, "y");
  EXPECT_EQ(store_->put_if_version(left, "new", 1, 60s), std::nullopt)
      << "an expired key has no version 1 any more";
  EXPECT_EQ(store_->put_if_version(left, "new", 0, 60s), 1);
}

TEST_P(KeyValueStoreTest, ConcurrentWritersLoseNoUpdate) {
  const auto counter = key("counter");
  constexpr int kWriters = 6;
  constexpr int kIncrements = 40;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&] {
      for (int i = 0; i < kIncrements; ++i) {
        while (true) {
          const auto read = store_->get(counter);
          const auto value = read ? std::stoi(read->value) : 0;
          const auto version = read ? read->version : 0;
          if (store_->put_if_version(counter, std::to_string(value + 1), version, 60s)) break;
        }
      }
    });
  }
  for (auto& writer : writers) writer.join();
  const auto total = store_->get(counter);
  ASSERT_TRUE(total);
  EXPECT_EQ(total->value, std::to_string(kWriters * kIncrements));
  EXPECT_EQ(total->version, kWriters * kIncrements);
}

TEST_P(KeyValueStoreTest, ValuesAreBinarySafe) {
  const std::string value("{\"a\":\"\\u0000\"}\0\r\n\xff", 18);
  ASSERT_EQ(store_->put_if_version(key("binary"), value, 0, 60s), 1);
  EXPECT_EQ(store_->get(key("binary"))->value, value);
  EXPECT_TRUE(store_->ping());
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& backend) {
  return backend.param == Backend::redis ? "Redis" : "SQLite";
}

INSTANTIATE_TEST_SUITE_P(Backends, KeyValueStoreTest,
                         ::testing::Values(Backend::redis, Backend::sqlite), backend_name);

TEST(KeyValueStore, AnUnreachableRedisIsUnavailableNotACrash) {
  const auto store = open_key_value_store("redis://127.0.0.1:1");
  EXPECT_FALSE(store->ping());
  try {
    store->get("anything");
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::unavailable);
  }
  EXPECT_THROW(open_key_value_store("memcached://x"), Error);
}

TEST(RedisStore, AConnectionTheServerDroppedIsReplacedUnnoticed) {
  const auto url = testing::redis_url();
  SHOP_REQUIRE_BACKEND(url, "Redis (SHOP_TEST_REDIS_URL)");
  // Database 7 tells this test's connections apart from other tests' on
  // the shared server: only they are killed.
  const auto store = open_key_value_store(*url + "/7");
  const auto key = "test:" + random_hex(8);
  ASSERT_EQ(store->put_if_version(key, "v", 0, 60s), 1);  // leaves a pooled connection
  RedisConnection admin(*parse_redis_url(*url), 2000ms);
  const auto clients = admin.command({"CLIENT", "LIST"});
  int killed = 0;
  std::istringstream lines(clients.text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(" db=7 ") == std::string::npos) continue;
    const auto id = line.substr(3, line.find(' ') - 3);  // "id=42 addr=..."
    // The filter form of CLIENT KILL answers how many it closed.
    killed += static_cast<int>(admin.command({"CLIENT", "KILL", "ID", id}).integer);
  }
  EXPECT_GE(killed, 1) << clients.text;
  const auto read = store->get(key);
  ASSERT_TRUE(read) << "the broken connection was replaced and the command sent again";
  EXPECT_EQ(read->value, "v");
  EXPECT_TRUE(store->remove(key));
}

TEST(RedisUrl, ReadsHostPortPasswordAndDatabase) {
  const auto full = parse_redis_url("redis://:s3cret@cache.local:6380/2");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->host, "cache.local");
  EXPECT_EQ(full->port, 6380);
  EXPECT_EQ(full->password, "s3cret");
  EXPECT_EQ(full->database, 2);
  const auto plain = parse_redis_url("redis://redis");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->port, 6379);
  EXPECT_EQ(plain->database, 0);
  EXPECT_EQ(parse_redis_url("redis://host:0"), std::nullopt);
  EXPECT_EQ(parse_redis_url("redis://host:99999"), std::nullopt);
  EXPECT_EQ(parse_redis_url("redis://host/db"), std::nullopt);
  EXPECT_EQ(parse_redis_url("redis://"), std::nullopt);
  EXPECT_EQ(parse_redis_url("http://host"), std::nullopt);
}

}  // namespace
}  // namespace platform::kv
