#include "proxy/upstream.h"

#include <algorithm>
#include <chrono>

#include "domain/balancing.h"
#include "platform/log.h"

namespace gateway {

std::int64_t steady_nanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Instance::Instance(Endpoint endpoint, platform::metrics::Registry& registry,
                   const std::string& upstream)
    : requests_ok(registry
                      .counter("gateway_upstream_requests_total",
                               "Attempts sent to upstream instances, by outcome",
                               {"upstream", "instance", "outcome"})
                      .with({upstream, endpoint.key(), "ok"})),
      requests_failed(registry
                          .counter("gateway_upstream_requests_total",
                                   "Attempts sent to upstream instances, by outcome",
                                   {"upstream", "instance", "outcome"})
                          .with({upstream, endpoint.key(), "failed"})),
      latency(registry
                  .histogram("gateway_upstream_duration_seconds",
                             "Time from sending a request to an instance to its response header",
                             {"upstream", "instance"})
                  .with({upstream, endpoint.key()})),
      ejections(registry
                    .counter("gateway_upstream_ejections_total",
                             "Instances taken out of rotation by outlier detection",
                             {"upstream", "instance"})
                    .with({upstream, endpoint.key()})),
      endpoint_(std::move(endpoint)),
      key_(endpoint_.key()) {}

Upstream::Upstream(UpstreamConfig config, platform::metrics::Registry& registry)
    : config_(std::move(config)),
      registry_(registry),
      breaker_(config_.breaker),
      retries_(registry
                   .counter("gateway_upstream_retries_total",
                            "Requests tried again on another instance", {"upstream"})
                   .with({config_.name})),
      breaker_state_(registry
                         .gauge("gateway_upstream_breaker_state",
                                "Circuit breaker: 0 closed, 1 half open, 2 open", {"upstream"})
                         .with({config_.name})),
      available_(registry
                     .gauge("gateway_upstream_instances",
                            "Instances by state: known (discovered) and available (healthy, not "
                            "ejected)",
                            {"upstream", "state"})
                     .with({config_.name, "available"})),
      known_(registry
                 .gauge("gateway_upstream_instances",
                        "Instances by state: known (discovered) and available (healthy, not "
                        "ejected)",
                        {"upstream", "state"})
                 .with({config_.name, "known"})) {}

Upstream::Choice Upstream::choose(std::span<const Instance* const> tried, std::int64_t now) {
  std::lock_guard lock(mutex_);
  Choice choice;
  if (!breaker_.allow(now)) {
    choice.reason = Unavailable::breaker_open;
    breaker_state_.set(2);
    return choice;
  }
  // At most a few dozen instances: a small vector per request is cheaper
  // than anything cleverer.
  thread_local std::vector<Candidate> candidates;
  candidates.clear();
  for (const auto& instance : instances_) {
    const bool skipped = std::find(tried.begin(), tried.end(), instance.get()) != tried.end();
    candidates.push_back(
        {instance->outstanding.load(std::memory_order_relaxed),
         !skipped && instance->healthy.load(std::memory_order_relaxed) &&
             !instance->outlier.ejected(now) &&
             static_cast<std::size_t>(instance->outstanding.load(std::memory_order_relaxed)) <
                 config_.max_connections_per_instance});
  }
  const auto picked =
      pick_instance(config_.balancing, std::span<const Candidate>(candidates), cursor_, random_);
  if (picked) choice.instance = instances_[*picked];
  return choice;
}

void Upstream::report(Instance& instance, bool success, double seconds, std::int64_t now) {
  (success ? instance.requests_ok : instance.requests_failed).increment();
  instance.latency.observe(seconds);
  std::lock_guard lock(mutex_);
  bool may_eject = false;
  if (!success) {  // only failures can eject: spare successes the count
    const auto ejected =
        std::count_if(instances_.begin(), instances_.end(),
                      [now](const auto& other) { return other->outlier.ejected(now); });
    may_eject = static_cast<double>(ejected + 1) <=
                config_.outlier.max_ejected_share * static_cast<double>(instances_.size());
  }
  const bool was_ejected = instance.outlier.ejected(now);
  instance.outlier = after_outcome(instance.outlier, success, now, config_.outlier, may_eject);
  const bool ejected_now = !was_ejected && instance.outlier.ejected(now);
  if (ejected_now) {
    instance.ejections.increment();
    platform::log::warn("instance ejected",
                        {{"upstream", config_.name},
                         {"instance", instance.key()},
                         {"for_ms", (instance.outlier.ejected_until - now) / 1'000'000}});
  }
  const auto breaker_before = breaker_.state();
  breaker_.record(success, now);
  if (ejected_now || breaker_.state() != breaker_before) publish_state_locked(now);
}

void Upstream::report_check(Instance& instance, bool passed) {
  std::lock_guard lock(mutex_);
  if (passed) {
    instance.check_failures = 0;
    if (++instance.check_successes >= config_.health.healthy_after &&
        !instance.healthy.exchange(true)) {
      platform::log::info("instance healthy",
                          {{"upstream", config_.name}, {"instance", instance.key()}});
    }
  } else {
    instance.check_successes = 0;
    if (++instance.check_failures >= config_.health.unhealthy_after &&
        instance.healthy.exchange(false)) {
      platform::log::warn("instance unhealthy",
                          {{"upstream", config_.name}, {"instance", instance.key()}});
    }
  }
  publish_state_locked(steady_nanos());
}

void Upstream::count_retry() { retries_.increment(); }

void Upstream::update(std::vector<Endpoint> endpoints) {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<Instance>> next;
  for (auto& endpoint : endpoints) {
    const auto existing =
        std::find_if(instances_.begin(), instances_.end(),
                     [&](const auto& instance) { return instance->endpoint() == endpoint; });
    if (existing != instances_.end()) {
      next.push_back(*existing);
    } else {
      next.push_back(std::make_shared<Instance>(std::move(endpoint), registry_, config_.name));
    }
  }
  for (const auto& instance : instances_) {
    if (std::find(next.begin(), next.end(), instance) == next.end()) instance->removed = true;
  }
  instances_ = std::move(next);
  publish_state_locked(steady_nanos());
}

std::vector<std::shared_ptr<Instance>> Upstream::instances() const {
  std::lock_guard lock(mutex_);
  return instances_;
}

void Upstream::publish_state_locked(std::int64_t now) {
  known_.set(static_cast<std::int64_t>(instances_.size()));
  available_.set(std::count_if(instances_.begin(), instances_.end(), [now](const auto& instance) {
    return instance->healthy.load() && !instance->outlier.ejected(now);
  }));
  breaker_state_.set(breaker_.state() == CircuitBreaker::State::closed      ? 0
                     : breaker_.state() == CircuitBreaker::State::half_open ? 1
                                                                            : 2);
}

}  // namespace gateway
