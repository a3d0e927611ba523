#include "platform/bus/in_process_bus.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "platform/bus/subject_filter.h"
#include "platform/log.h"
#include "platform/trace_context.h"

namespace platform::bus {

using Clock = std::chrono::steady_clock;

// Everything behind one mutex: the stream, the dedupe set, the consumers.
// Subscriptions hold a shared_ptr to it so they may outlive the bus object.
class InProcessBus::State {
 public:
  explicit State(InProcessBusOptions options) : options_(options) {}

  struct Redelivery {
    int attempts = 0;
    Clock::time_point not_before;
  };

  struct Consumer {
    std::string filter;
    std::uint64_t next_sequence = 1;                   // first not yet handed out
    std::map<std::uint64_t, Redelivery> redeliveries;  // failed, waiting to retry
    std::map<std::uint64_t, int> attempts;             // handed out, not yet acked
  };

  struct Delivery {
    std::uint64_t sequence;
    Event event;
    int attempt;
  };

  void publish(const Event& event) {
    {
      std::lock_guard lock(mutex_);
      const auto now = Clock::now();
      while (!recent_ids_order_.empty() &&
             recent_ids_order_.front().first < now - options_.dedupe_window) {
        recent_ids_.erase(recent_ids_order_.front().second);
        recent_ids_order_.pop_front();
      }
      if (!recent_ids_.insert(event.id).second) return;  // a duplicate within the window
      recent_ids_order_.emplace_back(now, event.id);
      stream_.push_back(event);
      if (stream_.size() > options_.retained_events) {
        log::warn("in-process bus dropped its oldest event",
                  {{"subject", stream_.front().subject}});
        stream_.pop_front();
        ++first_sequence_;
      }
    }
    changed_.notify_all();
  }

  // Returns whether the consumer existed.
  bool attach(const SubscriptionOptions& options) {
    std::lock_guard lock(mutex_);
    auto [consumer, created] = consumers_.try_emplace(options.durable_name);
    if (created) {
      consumer->second.filter = options.subject_filter;
      if (options.start == SubscriptionOptions::Start::now) {
        consumer->second.next_sequence = first_sequence_ + stream_.size();
      }
    }
    return !created;
  }

  // Blocks until a delivery is due for `name` or `stopped` becomes true.
  std::optional<Delivery> next(const std::string& name, const bool& stopped) {
    std::unique_lock lock(mutex_);
    while (!stopped) {
      auto& consumer = consumers_.at(name);
      const auto now = Clock::now();
      auto wake_at = Clock::time_point::max();
      for (auto it = consumer.redeliveries.begin(); it != consumer.redeliveries.end(); ++it) {
        if (it->second.not_before <= now) {
          const auto sequence = it->first;
          const int attempt = it->second.attempts + 1;
          consumer.redeliveries.erase(it);
          if (sequence < first_sequence_) break;  // dropped meanwhile
          consumer.attempts[sequence] = attempt;
          return Delivery{sequence, stream_[sequence - first_sequence_], attempt};
        }
        wake_at = std::min(wake_at, it->second.not_before);
      }
      consumer.next_sequence = std::max(consumer.next_sequence, first_sequence_);
      while (consumer.next_sequence < first_sequence_ + stream_.size()) {
        const auto sequence = consumer.next_sequence++;
        const auto& event = stream_[sequence - first_sequence_];
        if (subject_matches(consumer.filter, event.subject)) {
          consumer.attempts[sequence] = 1;
          return Delivery{sequence, event, 1};
        }
      }
      if (wake_at == Clock::time_point::max()) {
        changed_.wait(lock);
      } else {
        changed_.wait_until(lock, wake_at);
      }
    }
    return std::nullopt;
  }

  void acknowledge(const std::string& name, std::uint64_t sequence) {
    std::lock_guard lock(mutex_);
    consumers_.at(name).attempts.erase(sequence);
  }

  void fail(const std::string& name, const Delivery& delivery, int max_deliveries) {
    {
      std::lock_guard lock(mutex_);
      auto& consumer = consumers_.at(name);
      consumer.attempts.erase(delivery.sequence);
      if (delivery.attempt >= max_deliveries) {
        log::error("event parked after repeated failures", {{"consumer", name},
                                                            {"subject", delivery.event.subject},
                                                            {"event_id", delivery.event.id},
                                                            {"attempts", delivery.attempt}});
        return;
      }
      const auto delay = options_.redelivery_delay * (1 << std::min(delivery.attempt - 1, 8));
      consumer.redeliveries[delivery.sequence] = {delivery.attempt, Clock::now() + delay};
    }
    changed_.notify_all();
  }

  std::uint64_t backlog(const std::string& name) {
    std::lock_guard lock(mutex_);
    const auto& consumer = consumers_.at(name);
    std::uint64_t waiting = consumer.redeliveries.size() + consumer.attempts.size();
    for (auto sequence = std::max(consumer.next_sequence, first_sequence_);
         sequence < first_sequence_ + stream_.size(); ++sequence) {
      if (subject_matches(consumer.filter, stream_[sequence - first_sequence_].subject)) ++waiting;
    }
    return waiting;
  }

  void wake_all() { changed_.notify_all(); }
  std::mutex& mutex() { return mutex_; }

 private:
  InProcessBusOptions options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Event> stream_;
  std::uint64_t first_sequence_ = 1;
  std::unordered_map<std::string, Consumer> consumers_;
  std::set<std::string> recent_ids_;
  std::deque<std::pair<Clock::time_point, std::string>> recent_ids_order_;
};

namespace {

class InProcessSubscription final : public Subscription {
 public:
  InProcessSubscription(std::shared_ptr<InProcessBus::State> state, SubscriptionOptions options,
                        EventHandler handler)
      : state_(std::move(state)), options_(std::move(options)), handler_(std::move(handler)) {
    resumed_ = state_->attach(options_);
    thread_ = std::thread([this] { run(); });
  }

  ~InProcessSubscription() override {
    {
      std::lock_guard lock(state_->mutex());
      stopped_ = true;
    }
    state_->wake_all();
    thread_.join();
  }

  bool resumed() const override { return resumed_; }
  std::uint64_t backlog() override { return state_->backlog(options_.durable_name); }

 private:
  void run() {
    while (auto delivery = state_->next(options_.durable_name, stopped_)) {
      try {
        TraceContext context;
        context.trace_id = delivery->event.trace_id;
        std::optional<TraceScope> scope;
        if (!context.trace_id.empty()) scope.emplace(TraceContext::child_of(context));
        handler_(delivery->event);
        state_->acknowledge(options_.durable_name, delivery->sequence);
      } catch (const std::exception& error) {
        log::warn("event handler failed; will redeliver", {{"consumer", options_.durable_name},
                                                           {"subject", delivery->event.subject},
                                                           {"attempt", delivery->attempt},
                                                           {"error", error.what()}});
        state_->fail(options_.durable_name, *delivery, options_.max_deliveries);
      }
    }
  }

  std::shared_ptr<InProcessBus::State> state_;
  SubscriptionOptions options_;
  EventHandler handler_;
  bool stopped_ = false;  // guarded by the state's mutex
  bool resumed_ = false;
  std::thread thread_;
};

}  // namespace

InProcessBus::InProcessBus(InProcessBusOptions options)
    : state_(std::make_shared<State>(options)) {}
InProcessBus::~InProcessBus() = default;

void InProcessBus::publish(const Event& event) { state_->publish(event); }

std::unique_ptr<Subscription> InProcessBus::open_subscription(const SubscriptionOptions& options,
                                                              EventHandler handler) {
  return std::make_unique<InProcessSubscription>(state_, options, std::move(handler));
}

}  // namespace platform::bus
