#include <gtest/gtest.h>

#include <map>
#include <random>

#include "domain/balancing.h"
#include "domain/circuit_breaker.h"
#include "domain/outlier_detection.h"
#include "domain/rate_limiter.h"
#include "domain/route_table.h"
#include "domain/token_bucket.h"

namespace gateway {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

TEST(TokenBucket, AllowsTheBurstThenTheRate) {
  TokenBucket bucket(10, 3, 0);  // 10 per second, 3 at once
  EXPECT_TRUE(bucket.try_take(0));
  EXPECT_TRUE(bucket.try_take(0));
  EXPECT_TRUE(bucket.try_take(0));
  EXPECT_FALSE(bucket.try_take(0));
  EXPECT_EQ(bucket.wait_for_token(0), kSecond / 10);
  EXPECT_TRUE(bucket.try_take(kSecond / 10));
  EXPECT_FALSE(bucket.is_full(kSecond / 10));
  EXPECT_TRUE(bucket.is_full(kSecond));
}

TEST(RateLimiter, KeepsABucketPerKeyAndForgetsFullOnes) {
  RateLimiter limiter({.rate = 1, .burst = 2});
  EXPECT_FALSE(limiter.admit("a", 0));
  EXPECT_FALSE(limiter.admit("a", 0));
  const auto wait = limiter.admit("a", 0);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, kSecond);
  EXPECT_FALSE(limiter.admit("b", 0)) << "another key has its own bucket";
  EXPECT_EQ(limiter.sweep(kSecond), 1u) << "b refilled, a has not";
  EXPECT_EQ(limiter.sweep(10 * kSecond), 0u);
}

TEST(CircuitBreaker, OpensOnAFailingMajorityAndClosesAfterGoodProbes) {
  BreakerPolicy policy;
  policy.minimum_requests = 10;
  policy.failure_ratio = 0.5;
  policy.open_nanos = 5 * kSecond;
  policy.probes = 2;
  CircuitBreaker breaker(policy);
  for (int i = 0; i < 9; ++i) breaker.record(false, 0);
  EXPECT_EQ(breaker.state(), CircuitBreaker::State::closed) << "too few requests to judge";
  breaker.record(false, 0);
  EXPECT_EQ(breaker.state(), CircuitBreaker::State::open);
  EXPECT_FALSE(breaker.allow(kSecond));
  EXPECT_TRUE(breaker.allow(6 * kSecond));
  EXPECT_EQ(breaker.state(), CircuitBreaker::State::half_open);
  EXPECT_TRUE(breaker.allow(6 * kSecond));
  EXPECT_FALSE(breaker.allow(6 * kSecond)) << "only the probes go through";
  breaker.record(true, 6 * kSecond);
  breaker.record(true, 6 * kSecond);
  EXPECT_EQ(breaker.state(), CircuitBreaker::State::closed);
}

TEST(CircuitBreaker, AFailedProbeOpensItAgain) {
  BreakerPolicy policy;
  policy.minimum_requests = 1;
  CircuitBreaker breaker(policy);
  breaker.record(false, 0);
  ASSERT_TRUE(breaker.allow(policy.open_nanos));
  breaker.record(false, policy.open_nanos);
  EXPECT_EQ(breaker.state(), CircuitBreaker::State::open);
  EXPECT_FALSE(breaker.allow(policy.open_nanos + 1));
}

TEST(CircuitBreaker, ForgetsFailuresOfAnOldWindow) {
  BreakerPolicy policy;
  policy.minimum_requests = 4;
  CircuitBreaker breaker(policy);
  for (int i = 0; i < 3; ++i) breaker.record(false, 0);
  breaker.record(false, policy.window_nanos + 1);  // a new window: 1 of 1
  EXPECT_EQ(breaker.state(), CircuitBreaker::State::closed);
}

TEST(Balancing, RoundRobinSkipsIneligibleInstances) {
  std::vector<Candidate> candidates{{0, true}, {0, false}, {0, true}};
  std::uint64_t cursor = 0;
  auto random = [] { return std::uint64_t{0}; };
  std::vector<std::size_t> picks;
  for (int i = 0; i < 4; ++i)
    picks.push_back(*pick_instance(Balancing::round_robin, candidates, cursor, random));
  EXPECT_EQ(picks, (std::vector<std::size_t>{0, 2, 0, 2}));
  std::vector<Candidate> none{{0, false}};
  EXPECT_FALSE(pick_instance(Balancing::round_robin, none, cursor, random));
}

TEST(Balancing, PowerOfTwoPrefersTheLessBusy) {
  std::vector<Candidate> candidates{{9, true}, {1, true}, {5, true}, {7, false}};
  std::uint64_t cursor = 0;
  std::mt19937_64 random(42);
  std::map<std::size_t, int> counts;
  for (int i = 0; i < 3000; ++i) {
    ++counts[*pick_instance(Balancing::least_outstanding, candidates, cursor, random)];
  }
  EXPECT_EQ(counts[3], 0) << "never the ineligible one";
  EXPECT_EQ(counts[0], 0) << "the busiest loses every comparison";
  EXPECT_GT(counts[1], counts[2]);
  std::vector<Candidate> single{{0, false}, {3, true}};
  EXPECT_EQ(pick_instance(Balancing::least_outstanding, single, cursor, random), 1u);
}

TEST(OutlierDetection, EjectsAfterConsecutiveFailuresForLongerEachTime) {
  OutlierPolicy policy;
  policy.consecutive_failures = 3;
  policy.ejection_nanos = kSecond;
  OutlierState state;
  state = after_outcome(state, false, 0, policy, true);
  state = after_outcome(state, true, 0, policy, true);  // a success resets the streak
  for (int i = 0; i < 2; ++i) state = after_outcome(state, false, 0, policy, true);
  EXPECT_FALSE(state.ejected(0));
  state = after_outcome(state, false, 0, policy, true);
  EXPECT_TRUE(state.ejected(0));
  EXPECT_EQ(state.ejected_until, kSecond);
  for (int i = 0; i < 3; ++i) state = after_outcome(state, false, 2 * kSecond, policy, true);
  EXPECT_EQ(state.ejected_until, 4 * kSecond) << "the second ejection lasts twice as long";
}

TEST(OutlierDetection, DoesNotEjectBeyondTheShare) {
  OutlierPolicy policy;
  OutlierState state;
  for (int i = 0; i < 10; ++i) state = after_outcome(state, false, 0, policy, false);
  EXPECT_FALSE(state.ejected(0));
}

TEST(RouteTable, LongestPrefixOnSegmentBoundaries) {
  RouteTable table;
  table.add({"/api/catalog", "catalog", "", EdgeAuth::optional, 100});
  table.add({"/api", "fallback", "", EdgeAuth::none, 100});
  table.add({"/api/catalog/admin/", "admin", "/admin", EdgeAuth::required, 100});
  EXPECT_EQ(table.match("/api/catalog/v1/products")->upstream, "catalog");
  EXPECT_EQ(table.match("/api/catalog")->upstream, "catalog");
  EXPECT_EQ(table.match("/api/catalogue")->upstream, "fallback");
  EXPECT_EQ(table.match("/api/catalog/admin/x")->upstream, "admin");
  EXPECT_EQ(table.match("/other"), nullptr);

  EXPECT_EQ(
      upstream_target(*table.match("/api/catalog/v1/products"), "/api/catalog/v1/products?limit=2"),
      "/v1/products?limit=2");
  EXPECT_EQ(upstream_target(*table.match("/api/catalog"), "/api/catalog"), "/");
  EXPECT_EQ(upstream_target(*table.match("/api/catalog/admin/x"), "/api/catalog/admin/x"),
            "/admin/x");
}

}  // namespace
}  // namespace gateway
