#include "platform/response_cache.h"

#include <gtest/gtest.h>

#include <thread>

using platform::ResponseCache;
using namespace std::chrono_literals;

TEST(ResponseCache, ServesWhatWasStoredUntilAWriteInvalidatesIt) {
  ResponseCache cache(10s, 1 << 20);
  const auto generation = cache.generation();
  cache.store("k", generation, "body", "\"e\"");
  auto entry = cache.find("k");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->body, "body");
  EXPECT_EQ(entry->etag, "\"e\"");
  cache.invalidate();
  EXPECT_FALSE(cache.find("k"));
}

TEST(ResponseCache, DropsABodyReadBeforeAConcurrentWrite) {
  ResponseCache cache(10s, 1 << 20);
  const auto generation = cache.generation();  // a reader starts
  cache.invalidate();                          // a write commits meanwhile
  cache.store("k", generation, "stale");       // the reader finishes
  EXPECT_FALSE(cache.find("k"));
}

TEST(ResponseCache, ExpiresEntriesAfterTheTtl) {
  ResponseCache cache(30ms, 1 << 20);
  cache.store("k", cache.generation(), "body");
  EXPECT_TRUE(cache.find("k"));
  std::this_thread::sleep_for(60ms);
  EXPECT_FALSE(cache.find("k"));
}

TEST(ResponseCache, StaysWithinItsMemoryBound) {
  ResponseCache cache(10s, 1000);
  for (int i = 0; i < 100; ++i)
    cache.store("k" + std::to_string(i), cache.generation(), std::string(100, 'x'));
  int present = 0;
  for (int i = 0; i < 100; ++i) present += cache.find("k" + std::to_string(i)) ? 1 : 0;
  EXPECT_LE(present * 102, 1000);
  EXPECT_TRUE(cache.find("k99")) << "the newest entry is kept";
}

TEST(ResponseCache, ZeroTtlDisablesIt) {
  ResponseCache cache(0ms, 1 << 20);
  cache.store("k", cache.generation(), "body");
  EXPECT_FALSE(cache.enabled());
  EXPECT_FALSE(cache.find("k"));
}

// The lookups counter it is given counts every find (it used to count none).
TEST(ResponseCache, CountsHitsAndMisses) {
  platform::metrics::Registry registry;
  auto& lookups = registry.counter("lookups_total", "lookups", {"result"});
  ResponseCache cache(10s, 1 << 20, &lookups);
  EXPECT_EQ(cache.find("a"), nullptr);
  cache.store("a", cache.generation(), "body");
  EXPECT_NE(cache.find("a"), nullptr);
  EXPECT_NE(cache.find("a"), nullptr);
  cache.invalidate();
  EXPECT_EQ(cache.find("a"), nullptr);
  const auto text = registry.render();
  EXPECT_NE(text.find("lookups_total{result=\"hit\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("lookups_total{result=\"miss\"} 2\n"), std::string::npos) << text;
}
