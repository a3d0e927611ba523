#include "platform/bus/event_bus.h"

#include <algorithm>
#include <mutex>
#include <utility>

namespace platform::bus {

// The subscriptions alive on one bus. Shared with them, so that one that
// outlives its bus object still leaves the list safely.
class LiveSubscriptions {
 public:
  void add(Subscription* subscription, std::string consumer) {
    std::lock_guard lock(mutex_);
    entries_.push_back({subscription, std::move(consumer)});
  }

  // Waits for a backlog being read from it: the subscription is gone after.
  void remove(const Subscription* subscription) {
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [&](const Entry& entry) { return entry.subscription == subscription; });
  }

  std::vector<ConsumerBacklog> backlogs() const {
    std::lock_guard lock(mutex_);
    std::vector<ConsumerBacklog> backlogs;
    backlogs.reserve(entries_.size());
    for (const auto& entry : entries_) {
      try {
        backlogs.push_back({entry.consumer, entry.subscription->backlog(), {}});
      } catch (const std::exception& error) {
        backlogs.push_back({entry.consumer, std::nullopt, error.what()});
      }
    }
    return backlogs;
  }

 private:
  struct Entry {
    Subscription* subscription;
    std::string consumer;
  };
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
};

namespace {

// What subscribe() hands out: the bus's own subscription, listed among the
// live ones for as long as it exists.
class ListedSubscription final : public Subscription {
 public:
  ListedSubscription(std::unique_ptr<Subscription> inner, std::shared_ptr<LiveSubscriptions> live,
                     std::string consumer)
      : inner_(std::move(inner)), live_(std::move(live)) {
    live_->add(inner_.get(), std::move(consumer));
  }
  ~ListedSubscription() override { live_->remove(inner_.get()); }
  ListedSubscription(const ListedSubscription&) = delete;
  ListedSubscription& operator=(const ListedSubscription&) = delete;

  bool resumed() const override { return inner_->resumed(); }
  std::uint64_t backlog() override { return inner_->backlog(); }

 private:
  std::unique_ptr<Subscription> inner_;
  std::shared_ptr<LiveSubscriptions> live_;
};

}  // namespace

EventBus::EventBus() : live_(std::make_shared<LiveSubscriptions>()) {}
EventBus::~EventBus() = default;

std::unique_ptr<Subscription> EventBus::subscribe(const SubscriptionOptions& options,
                                                  EventHandler handler) {
  return std::make_unique<ListedSubscription>(open_subscription(options, std::move(handler)), live_,
                                              options.durable_name);
}

std::vector<ConsumerBacklog> EventBus::backlogs() const { return live_->backlogs(); }

}  // namespace platform::bus
