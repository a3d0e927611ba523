#include "saga/saga_runner.h"

#include <thread>

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/fault_injection.h"
#include "platform/log.h"

namespace orders {

namespace {

std::string_view outcome_name(StepOutcome outcome) {
  switch (outcome) {
    case StepOutcome::succeeded:
      return "succeeded";
    case StepOutcome::refused:
      return "refused";
    case StepOutcome::failed:
      break;
  }
  return "failed";
}

}  // namespace

SagaRunner::SagaRunner(OrdersStore& store, SagaParticipants& participants, SagaSettings settings,
                       platform::metrics::Registry& registry)
    : store_(store),
      participants_(participants),
      settings_(settings),
      steps_(registry.counter("orders_saga_steps_total",
                              "Checkout saga step attempts by step and outcome",
                              {"step", "outcome"})),
      outcomes_(registry.counter("orders_sagas_finished_total",
                                 "Checkout sagas finished, by how they ended", {"end"})) {}

Order SagaRunner::run(ClaimedOrder claimed, std::chrono::milliseconds patience) {
  const auto give_up_at = platform::now_unix_millis() + patience.count();
  const auto lease = settings_.lease.count();
  // Moves not stored yet (must_store) and the statuses they gave the order.
  std::vector<StatusChange> unsaved_statuses;
  while (!is_finished(claimed.order.saga.step)) {
    const auto& saga = claimed.order.saga;
    if (saga.next_attempt_at > platform::now_unix_millis()) {
      if (saga.next_attempt_at > give_up_at) break;
      std::this_thread::sleep_for(
          std::chrono::milliseconds(saga.next_attempt_at - platform::now_unix_millis()));
    }
    const std::string step(to_string(saga.step));
    platform::fault::point("orders.saga.before." + step);
    const auto result =
        failed_when_unreachable([&] { return run_step(participants_, claimed.order); });
    platform::fault::point("orders.saga.after." + step);
    steps_.with({step, std::string(outcome_name(result.outcome))}).increment();
    if (result.outcome == StepOutcome::failed) {
      platform::log::warn("saga step failed", {{"order_id", claimed.order.id},
                                               {"step", step},
                                               {"attempt", saga.attempts + 1},
                                               {"error", result.reason}});
    }
    const auto now = platform::now_unix_millis();
    const auto move = advance(saga, result, now, settings_.policy);
    if (move.status) unsaved_statuses.push_back({*move.status, {}, now});
    // Stored anyway once half the lease is spent, which renews it.
    if (!must_store(move, result.outcome) && claimed.lease_until - now > lease / 2) {
      claimed.order.saga = move.state;
      continue;
    }
    if (!store_.save_saga(claimed, move.state, unsaved_statuses, now, lease)) {
      // Another runner took the order over (our lease had lapsed): it
      // continues from what it finds stored.
      return store_.find(claimed.order.id).value_or(claimed.order);
    }
    unsaved_statuses.clear();
    if (is_finished(move.state.step)) {
      outcomes_.with({move.state.step == SagaStep::done ? "paid" : "cancelled"}).increment();
      return claimed.order;
    }
  }
  store_.release(claimed);
  return claimed.order;
}

std::optional<Order> SagaRunner::run_if_free(std::string_view id,
                                             std::chrono::milliseconds patience) {
  auto claimed = store_.claim(id, platform::now_unix_millis(), settings_.lease.count());
  if (!claimed) return std::nullopt;
  return run(std::move(*claimed), patience);
}

int SagaRunner::resume_due(int limit) {
  // Lets a test hold the resumer back, to act on a saga a dead runner left.
  platform::fault::point("orders.saga.resume");
  int ran = 0;
  for (const auto& id : store_.due_sagas(platform::now_unix_millis(), limit)) {
    // One order's trouble (its lease lapses and it is tried again later)
    // must not hold up the others.
    try {
      if (run_if_free(id, std::chrono::milliseconds(0))) ++ran;
    } catch (const std::exception& error) {
      platform::log::error("saga could not be resumed",
                           {{"order_id", id}, {"error", error.what()}});
    }
  }
  return ran;
}

}  // namespace orders
