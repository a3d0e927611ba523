#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/order_status.h"

namespace orders {

// Placing an order is a saga over two other services, its progress kept
// with the order so that a crash at any point resumes where it stopped:
//
//   reserve_stock ─▶ authorize_payment ─▶ confirm_stock ─▶ done (paid)
//        │                  │                   │
//        │                  ▼                   ▼
//        │            release_stock ◀── void_payment
//        ▼                  │
//    cancelled ◀────────────┘
//
// Every step is a call that is safe to repeat (catalog reservations are
// idempotent by order, payments by key), so "resume" means "call again".
// Compensations (void, release) are retried until they succeed: an order
// never ends cancelled with stock held or money authorized.
enum class SagaStep {
  reserve_stock,
  authorize_payment,
  confirm_stock,
  void_payment,
  release_stock,
  done,
  cancelled,
};

std::string_view to_string(SagaStep step);
std::optional<SagaStep> parse_saga_step(std::string_view text);
bool is_compensating(SagaStep step);
bool is_finished(SagaStep step);

struct SagaPolicy {
  // How long a forward step may keep failing before the order is given up
  // and compensated. Compensations have no deadline.
  std::chrono::milliseconds step_deadline{std::chrono::minutes(2)};
  std::chrono::milliseconds first_retry{std::chrono::milliseconds(200)};
  std::chrono::milliseconds longest_retry{std::chrono::seconds(30)};
  // How long a call whose answer never came may still be at work in the
  // other service. A compensation that follows such a call (a forward step
  // given up, a cancellation while a step was in doubt) waits this long
  // before it looks for what to undo, so that it cannot look before a late
  // hold or authorization is written.
  std::chrono::milliseconds settle_time{std::chrono::seconds(30)};
};

struct SagaState {
  SagaStep step = SagaStep::reserve_stock;
  std::string reservation_id;        // once stock is held
  std::string payment_id;            // once the card is authorized
  std::string cancel_reason;         // why it is being compensated
  int attempts = 0;                  // failed attempts of the current step
  std::int64_t step_started_at = 0;  // Unix milliseconds
  std::int64_t next_attempt_at = 0;  // Unix milliseconds
};

enum class StepOutcome {
  succeeded,  // done; `id` names what was made (reservation, payment)
  refused,    // the other service said no for good: out of stock, declined, expired
  failed,     // no answer, 5xx, timeout: the same call may be tried again
};

struct StepResult {
  StepOutcome outcome = StepOutcome::succeeded;
  std::string id;
  std::string reason;  // for refusals: what the customer is told
};

// The saga after `result` of its current step, and the status the order
// takes when it changes.
struct SagaMove {
  SagaState state;
  std::optional<OrderStatus> status;
};

SagaMove advance(const SagaState& state, const StepResult& result, std::int64_t now,
                 const SagaPolicy& policy = {});

// Whether `move` must be stored before the saga's next call. Only the
// authorization's success need not be: a runner that dies after it leaves
// the saga at `authorize_payment`, from where a resumer repeats the
// authorization (the same one, by key) and the confirmation (a no-op when
// done), and a cancellation already treats both as in doubt (void by order,
// then release or return the stock). The hold's success must be stored: a
// saga stored at `reserve_stock` is one that never reached the payment
// service, and its compensations release stock without voiding anything.
// Failures (their retry time), compensations and the end are stored too.
bool must_store(const SagaMove& move, StepOutcome outcome);

// A person (the customer or an admin) cancels the order: the compensation
// that undoes whatever may have been done so far, with a payment possibly
// authorized voiding first. It starts now after a finished step, and after
// the settle time while a forward step is in doubt (a call may be at work). nullopt when the saga
// is already compensating or cancelled. Whether the order's status still allows cancelling is the
// caller's question (is_cancellable).
std::optional<SagaState> begin_cancellation(const SagaState& state, std::string reason,
                                            std::int64_t now, const SagaPolicy& policy = {});

// The wait before attempt `attempts` + 1: doubling from first_retry up to
// longest_retry.
std::chrono::milliseconds retry_delay(int attempts, const SagaPolicy& policy);

}  // namespace orders
