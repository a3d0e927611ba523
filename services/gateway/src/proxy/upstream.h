#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "config/gateway_config.h"
#include "discovery/discovery.h"
#include "domain/circuit_breaker.h"
#include "domain/outlier_detection.h"
#include "platform/metrics.h"

namespace gateway {

// One instance of an upstream. Shared by the I/O threads: counters are
// atomic, the outlier state belongs to the upstream's lock.
class Instance {
 public:
  Instance(Endpoint endpoint, platform::metrics::Registry& registry, const std::string& upstream);

  const Endpoint& endpoint() const noexcept { return endpoint_; }
  const std::string& key() const noexcept { return key_; }

  std::atomic<int> outstanding{0};   // requests in flight, at most max_connections_per_instance
  std::atomic<bool> healthy{true};   // the active health check's verdict
  std::atomic<bool> removed{false};  // gone from discovery: pooled connections are closed

  // Guarded by the upstream's mutex.
  OutlierState outlier;
  int check_failures = 0;
  int check_successes = 0;

  platform::metrics::Counter& requests_ok;
  platform::metrics::Counter& requests_failed;
  platform::metrics::Histogram& latency;
  platform::metrics::Counter& ejections;

 private:
  Endpoint endpoint_;
  std::string key_;
};

// Why no instance could be chosen.
enum class Unavailable { no_instances, breaker_open };

// An upstream service: its instances as discovery reports them, the balancer
// that picks one per request, passive outlier detection and the circuit
// breaker. Thread-safe.
class Upstream {
 public:
  Upstream(UpstreamConfig config, platform::metrics::Registry& registry);

  const UpstreamConfig& config() const noexcept { return config_; }
  const std::string& name() const noexcept { return config_.name; }

  // The instance to send a request to, skipping `tried` (earlier attempts of
  // the same request); or why there is none.
  struct Choice {
    std::shared_ptr<Instance> instance;
    Unavailable reason = Unavailable::no_instances;
  };
  Choice choose(std::span<const Instance* const> tried, std::int64_t now);

  // The outcome of one attempt: feeds outlier detection and the breaker.
  void report(Instance& instance, bool success, double seconds, std::int64_t now);
  // The verdict of one active health check.
  void report_check(Instance& instance, bool passed);
  // A request went to a second instance.
  void count_retry();

  // Replaces the instances with `endpoints`, keeping the state of those that
  // remain.
  void update(std::vector<Endpoint> endpoints);
  std::vector<std::shared_ptr<Instance>> instances() const;

 private:
  void publish_state_locked(std::int64_t now);

  UpstreamConfig config_;
  platform::metrics::Registry& registry_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Instance>> instances_;
  CircuitBreaker breaker_;
  std::uint64_t cursor_ = 0;
  std::minstd_rand random_{std::random_device{}()};
  platform::metrics::Counter& retries_;
  platform::metrics::Gauge& breaker_state_;
  platform::metrics::Gauge& available_;
  platform::metrics::Gauge& known_;
};

// Steady-clock nanoseconds: the time base of breakers, buckets and ejections.
std::int64_t steady_nanos();

}  // namespace gateway
