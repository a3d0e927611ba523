#include "domain/checkout_saga.h"

#include <gtest/gtest.h>

namespace orders {
namespace {

using namespace std::chrono_literals;

const StepResult kOk{StepOutcome::succeeded, {}, {}};
const StepResult kNoAnswer{StepOutcome::failed, {}, {}};

StepResult made(std::string id) { return {StepOutcome::succeeded, std::move(id), {}}; }
StepResult refused(std::string reason) { return {StepOutcome::refused, {}, std::move(reason)}; }

// Runs the saga from the start with each step's result in turn.
SagaState run(std::initializer_list<StepResult> results, std::int64_t now = 1000) {
  SagaState state;
  state.step_started_at = now;
  for (const auto& result : results) state = advance(state, result, now).state;
  return state;
}

TEST(CheckoutSaga, TheHappyPathHoldsAuthorizesConfirmsAndPays) {
  SagaState state;
  auto move = advance(state, made("reservation-1"), 10);
  EXPECT_EQ(move.state.step, SagaStep::authorize_payment);
  EXPECT_EQ(move.state.reservation_id, "reservation-1");
  EXPECT_EQ(move.status, OrderStatus::awaiting_payment);
  move = advance(move.state, made("payment-1"), 20);
  EXPECT_EQ(move.state.step, SagaStep::confirm_stock);
  EXPECT_EQ(move.state.payment_id, "payment-1");
  EXPECT_EQ(move.status, std::nullopt);
  move = advance(move.state, kOk, 30);
  EXPECT_EQ(move.state.step, SagaStep::done);
  EXPECT_EQ(move.status, OrderStatus::paid);
  EXPECT_TRUE(is_finished(move.state.step));
}

TEST(CheckoutSaga, OnlyTheAuthorizationsSuccessGoesUnstored) {
  SagaState state;
  auto held = advance(state, made("reservation-1"), 10);
  EXPECT_TRUE(must_store(held, StepOutcome::succeeded))
      << "stored at reserve_stock means the payment service was never called";
  auto authorized = advance(held.state, made("payment-1"), 20);
  EXPECT_FALSE(must_store(authorized, StepOutcome::succeeded));
  EXPECT_TRUE(must_store(advance(authorized.state, kOk, 30), StepOutcome::succeeded)) << "the end";
  EXPECT_TRUE(must_store(advance(state, kNoAnswer, 10), StepOutcome::failed)) << "a retry time";
  EXPECT_TRUE(must_store(advance(state, refused("out of stock"), 10), StepOutcome::refused))
      << "cancelled";
  EXPECT_TRUE(must_store(advance(held.state, refused("declined"), 20), StepOutcome::refused))
      << "a compensation";
  auto voiding = advance(authorized.state, refused("expired"), 30);
  ASSERT_EQ(voiding.state.step, SagaStep::void_payment);
  EXPECT_TRUE(must_store(advance(voiding.state, kOk, 40), StepOutcome::succeeded))
      << "a compensation's success leads to the next compensation";
}

// A runner that died after authorizing (and maybe confirming) without
// storing it leaves the saga at authorize_payment: cancelling from there
// voids first (the payment found by order) and then releases or returns.
TEST(CheckoutSaga, ACancellationFromAnUnstoredAuthorizationVoidsFirst) {
  SagaState state;
  const auto held = advance(state, made("reservation-1"), 10).state;
  ASSERT_EQ(held.step, SagaStep::authorize_payment);
  const auto cancelling = begin_cancellation(held, "changed my mind", 100'000);
  ASSERT_TRUE(cancelling.has_value());
  EXPECT_EQ(cancelling->step, SagaStep::void_payment);
  EXPECT_EQ(cancelling->reservation_id, "reservation-1");
}

TEST(CheckoutSaga, OutOfStockCancelsAtOnceWithNothingToGiveBack) {
  const auto move = advance(SagaState{}, refused("out of stock: lamp"), 10);
  EXPECT_EQ(move.state.step, SagaStep::cancelled);
  EXPECT_EQ(move.status, OrderStatus::cancelled);
  EXPECT_EQ(move.state.cancel_reason, "out of stock: lamp");
}

TEST(CheckoutSaga, ADeclineReleasesTheStockThenCancels) {
  auto state = run({made("r"), refused("payment declined: insufficient_funds")});
  EXPECT_EQ(state.step, SagaStep::release_stock);
  EXPECT_TRUE(is_compensating(state.step));
  const auto move = advance(state, kOk, 2000);
  EXPECT_EQ(move.state.step, SagaStep::cancelled);
  EXPECT_EQ(move.status, OrderStatus::cancelled);
  EXPECT_EQ(move.state.cancel_reason, "payment declined: insufficient_funds");
}

TEST(CheckoutSaga, AnExpiredHoldVoidsThePaymentThenReleases) {
  auto state = run({made("r"), made("p"), refused("the stock hold expired")});
  EXPECT_EQ(state.step, SagaStep::void_payment);
  state = advance(state, kOk, 2000).state;
  EXPECT_EQ(state.step, SagaStep::release_stock);
  EXPECT_EQ(advance(state, kOk, 2001).status, OrderStatus::cancelled);
}

TEST(CheckoutSaga, ForwardStepsRetryWithGrowingWaitsThenGiveUp) {
  SagaPolicy policy;
  policy.step_deadline = 10s;
  policy.first_retry = 100ms;
  policy.longest_retry = 1s;
  auto state = run({made("r")});
  state.step_started_at = 0;
  auto move = advance(state, kNoAnswer, 50, policy);
  EXPECT_EQ(move.state.step, SagaStep::authorize_payment) << "tried again";
  EXPECT_EQ(move.state.attempts, 1);
  EXPECT_EQ(move.state.next_attempt_at, 150);
  move = advance(move.state, kNoAnswer, 200, policy);
  EXPECT_EQ(move.state.next_attempt_at, 400) << "the wait doubles";
  move = advance(move.state, kNoAnswer, 10'000, policy);
  EXPECT_EQ(move.state.step, SagaStep::void_payment)
      << "an authorization whose answer was lost is voided before the stock goes back";
  EXPECT_EQ(move.state.attempts, 0);
  EXPECT_NE(move.state.cancel_reason.find("payment service"), std::string::npos);
  EXPECT_EQ(move.state.next_attempt_at, 10'000 + policy.settle_time.count())
      << "the last unanswered call may still be at work: the void waits for it to settle";
}

TEST(CheckoutSaga, CompensationsRetryForeverAndANothingToUndoCountsAsUndone) {
  SagaPolicy policy;
  policy.step_deadline = 1s;
  auto state = run({made("r"), made("p"), refused("expired")});
  for (int i = 0; i < 50; ++i) state = advance(state, kNoAnswer, 1'000'000 + i, policy).state;
  EXPECT_EQ(state.step, SagaStep::void_payment) << "no deadline on giving back";
  EXPECT_EQ(state.attempts, 50);
  state = advance(state, refused("not voidable: never authorized"), 2'000'000, policy).state;
  EXPECT_EQ(state.step, SagaStep::release_stock);
  EXPECT_EQ(state.cancel_reason, "expired") << "the first reason is the one told";
  state = advance(state, refused("no reservation"), 2'000'001, policy).state;
  EXPECT_EQ(state.step, SagaStep::cancelled);
}

TEST(CheckoutSaga, RetryDelaysAreBounded) {
  SagaPolicy policy;
  policy.first_retry = 200ms;
  policy.longest_retry = 30s;
  EXPECT_EQ(retry_delay(1, policy), 200ms);
  EXPECT_EQ(retry_delay(2, policy), 400ms);
  EXPECT_EQ(retry_delay(8, policy), 25600ms);
  EXPECT_EQ(retry_delay(9, policy), 30s);
  EXPECT_EQ(retry_delay(1000, policy), 30s);
}

TEST(CheckoutSaga, StepNamesRoundTripAndFinishedSagasStayPut) {
  for (const auto step :
       {SagaStep::reserve_stock, SagaStep::authorize_payment, SagaStep::confirm_stock,
        SagaStep::void_payment, SagaStep::release_stock, SagaStep::done, SagaStep::cancelled}) {
    EXPECT_EQ(parse_saga_step(to_string(step)), step);
  }
  const auto done = run({made("r"), made("p"), kOk});
  EXPECT_EQ(advance(done, kNoAnswer, 5).state.step, SagaStep::done);
}

TEST(CheckoutSaga, CancellingUndoesWhatMayHaveBeenDone) {
  SagaState state;
  state.step = SagaStep::reserve_stock;
  auto cancelled = begin_cancellation(state, "changed my mind", 50);
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->step, SagaStep::release_stock);  // a hold may exist unanswered
  EXPECT_EQ(cancelled->cancel_reason, "changed my mind");
  // A forward step may have a call at work elsewhere: wait for it to settle.
  const SagaPolicy policy;
  EXPECT_EQ(cancelled->next_attempt_at, 50 + policy.settle_time.count());

  for (const auto step : {SagaStep::authorize_payment, SagaStep::confirm_stock, SagaStep::done}) {
    state.step = step;
    cancelled = begin_cancellation(state, "changed my mind", 50);
    ASSERT_TRUE(cancelled) << to_string(step);
    EXPECT_EQ(cancelled->step, SagaStep::void_payment) << to_string(step);
    EXPECT_EQ(cancelled->next_attempt_at,
              step == SagaStep::done ? 50 : 50 + policy.settle_time.count())
        << to_string(step);
  }
  // Void, then release, then cancelled.
  auto move = advance(*cancelled, kOk, 60);
  EXPECT_EQ(move.state.step, SagaStep::release_stock);
  move = advance(move.state, kOk, 70);
  EXPECT_EQ(move.state.step, SagaStep::cancelled);
  EXPECT_EQ(move.status, OrderStatus::cancelled);
  EXPECT_EQ(move.state.cancel_reason, "changed my mind");

  for (const auto step : {SagaStep::void_payment, SagaStep::release_stock, SagaStep::cancelled}) {
    state.step = step;
    EXPECT_FALSE(begin_cancellation(state, "again", 80)) << to_string(step);
  }
}

TEST(CheckoutSaga, AFailureReasonIsNotOverwrittenByACancellation) {
  SagaState state;
  state.step = SagaStep::authorize_payment;
  state.cancel_reason = "the card was declined";
  const auto cancelled = begin_cancellation(state, "changed my mind", 1);
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->cancel_reason, "the card was declined");
}

}  // namespace
}  // namespace orders
