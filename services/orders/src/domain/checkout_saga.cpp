#include "domain/checkout_saga.h"

#include <algorithm>
#include <array>
#include <utility>

#include "platform/enum_names.h"

namespace orders {

namespace {

constexpr platform::EnumNames<SagaStep, 7> kNames{{{
    {SagaStep::reserve_stock, "reserve_stock"},
    {SagaStep::authorize_payment, "authorize_payment"},
    {SagaStep::confirm_stock, "confirm_stock"},
    {SagaStep::void_payment, "void_payment"},
    {SagaStep::release_stock, "release_stock"},
    {SagaStep::done, "done"},
    {SagaStep::cancelled, "cancelled"},
}}};

SagaState begin(SagaState state, SagaStep step, std::int64_t now) {
  state.step = step;
  state.attempts = 0;
  state.step_started_at = now;
  state.next_attempt_at = now;
  return state;
}

SagaState compensate(SagaState state, SagaStep first, std::string reason, std::int64_t now) {
  if (state.cancel_reason.empty()) state.cancel_reason = std::move(reason);
  return begin(std::move(state), first, now);
}

SagaState again_later(SagaState state, std::int64_t now, const SagaPolicy& policy) {
  state.attempts += 1;
  state.next_attempt_at = now + retry_delay(state.attempts, policy).count();
  return state;
}

bool past_deadline(const SagaState& state, std::int64_t now, const SagaPolicy& policy) {
  return now - state.step_started_at >= policy.step_deadline.count();
}

// The compensation after a call whose outcome is unknown: it waits for the
// call to settle in the other service.
SagaState compensate_in_doubt(const SagaState& state, SagaStep first, std::string reason,
                              std::int64_t now, const SagaPolicy& policy) {
  auto next = compensate(state, first, std::move(reason), now);
  next.next_attempt_at = now + policy.settle_time.count();
  return next;
}

SagaMove forward_failed(const SagaState& state, std::int64_t now, const SagaPolicy& policy,
                        SagaStep compensation, std::string_view service) {
  if (!past_deadline(state, now, policy)) return {again_later(state, now, policy), std::nullopt};
  return {compensate_in_doubt(state, compensation, std::string(service) + " did not answer in time",
                              now, policy),
          std::nullopt};
}

}  // namespace

std::string_view to_string(SagaStep step) { return kNames.name(step); }

std::optional<SagaStep> parse_saga_step(std::string_view text) { return kNames.parse(text); }

bool is_compensating(SagaStep step) {
  return step == SagaStep::void_payment || step == SagaStep::release_stock;
}

bool is_finished(SagaStep step) { return step == SagaStep::done || step == SagaStep::cancelled; }

std::chrono::milliseconds retry_delay(int attempts, const SagaPolicy& policy) {
  auto delay = policy.first_retry;
  for (int i = 1; i < attempts && delay < policy.longest_retry; ++i) delay *= 2;
  return std::min(delay, policy.longest_retry);
}

std::optional<SagaState> begin_cancellation(const SagaState& state, std::string reason,
                                            std::int64_t now, const SagaPolicy& policy) {
  switch (state.step) {
    case SagaStep::reserve_stock:
      return compensate_in_doubt(state, SagaStep::release_stock, std::move(reason), now, policy);
    case SagaStep::authorize_payment:
    case SagaStep::confirm_stock:
      return compensate_in_doubt(state, SagaStep::void_payment, std::move(reason), now, policy);
    case SagaStep::done:
      return compensate(state, SagaStep::void_payment, std::move(reason), now);
    case SagaStep::void_payment:
    case SagaStep::release_stock:
    case SagaStep::cancelled:
      break;
  }
  return std::nullopt;
}

bool must_store(const SagaMove& move, StepOutcome outcome) {
  return outcome != StepOutcome::succeeded || move.state.step != SagaStep::confirm_stock;
}

SagaMove advance(const SagaState& state, const StepResult& result, std::int64_t now,
                 const SagaPolicy& policy) {
  const auto outcome = result.outcome;
  switch (state.step) {
    case SagaStep::reserve_stock:
      if (outcome == StepOutcome::succeeded) {
        auto next = begin(state, SagaStep::authorize_payment, now);
        next.reservation_id = result.id;
        return {next, OrderStatus::awaiting_payment};
      }
      if (outcome == StepOutcome::refused) {
        auto next = compensate(state, SagaStep::cancelled, result.reason, now);
        return {next, OrderStatus::cancelled};  // nothing was held
      }
      // A hold may have been made whose answer was lost: release by order.
      return forward_failed(state, now, policy, SagaStep::release_stock, "the catalog");

    case SagaStep::authorize_payment:
      if (outcome == StepOutcome::succeeded) {
        auto next = begin(state, SagaStep::confirm_stock, now);
        next.payment_id = result.id;
        return {next, std::nullopt};
      }
      if (outcome == StepOutcome::refused) {
        return {compensate(state, SagaStep::release_stock, result.reason, now), std::nullopt};
      }
      // An authorization may have gone through unanswered: void it first.
      return forward_failed(state, now, policy, SagaStep::void_payment, "the payment service");

    case SagaStep::confirm_stock:
      if (outcome == StepOutcome::succeeded) {
        return {begin(state, SagaStep::done, now), OrderStatus::paid};
      }
      if (outcome == StepOutcome::refused) {
        return {compensate(state, SagaStep::void_payment, result.reason, now), std::nullopt};
      }
      return forward_failed(state, now, policy, SagaStep::void_payment, "the catalog");

    case SagaStep::void_payment:
      // Refused means there is nothing left to void (never authorized, or
      // already voided): the compensation's goal holds either way.
      if (outcome == StepOutcome::failed) return {again_later(state, now, policy), std::nullopt};
      return {begin(state, SagaStep::release_stock, now), std::nullopt};

    case SagaStep::release_stock:
      if (outcome == StepOutcome::failed) return {again_later(state, now, policy), std::nullopt};
      return {begin(state, SagaStep::cancelled, now), OrderStatus::cancelled};

    case SagaStep::done:
    case SagaStep::cancelled:
      break;
  }
  return {state, std::nullopt};
}

}  // namespace orders
