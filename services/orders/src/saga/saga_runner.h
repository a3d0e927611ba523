#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "domain/checkout_saga.h"
#include "platform/metrics.h"
#include "saga/saga_participants.h"
#include "store/orders_store.h"

namespace orders {

struct SagaSettings {
  SagaPolicy policy;
  // How long a runner holds an order: longer than any one call may take, so
  // that a live runner never loses it; after a crash, the wait before
  // another runner resumes.
  std::chrono::milliseconds lease{std::chrono::seconds(30)};
  // How long a request placing or cancelling an order waits for retries of
  // a failing step before answering with the order still in progress (the
  // background resumer carries on).
  std::chrono::milliseconds inline_patience{std::chrono::seconds(2)};
};

// Runs checkout sagas: each step's call, then its outcome persisted with the
// order before the next call when it must be (must_store: all but the
// authorization's success, which is stored anyway once half the lease is
// spent), so a crash anywhere leaves a saga that the next runner continues
// from its last stored step, repeating the calls since. Fault points
// "orders.saga.before.<step>" and "orders.saga.after.<step>"
// (platform/fault_injection.h) let tests crash the process on either side of
// each call.
class SagaRunner {
 public:
  SagaRunner(OrdersStore& store, SagaParticipants& participants, SagaSettings settings,
             platform::metrics::Registry& registry);

  // Runs the saga of `claimed` until it is finished or its next attempt is
  // further away than `patience`; gives the lease back when it stops early.
  // Returns the order as it is then.
  Order run(ClaimedOrder claimed, std::chrono::milliseconds patience);
  // Claims order `id` and runs its saga; nullopt when someone else holds it.
  std::optional<Order> run_if_free(std::string_view id, std::chrono::milliseconds patience);
  // One pass of the background resumer: every due saga whose lease lapsed,
  // one attempt each. Returns how many it ran.
  int resume_due(int limit = 50);

  const SagaSettings& settings() const { return settings_; }

 private:
  OrdersStore& store_;
  SagaParticipants& participants_;
  SagaSettings settings_;
  platform::metrics::Family<platform::metrics::Counter>& steps_;
  platform::metrics::Family<platform::metrics::Counter>& outcomes_;
};

}  // namespace orders
