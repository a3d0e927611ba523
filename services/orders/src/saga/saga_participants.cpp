#include "saga/saga_participants.h"

#include "platform/error.h"

namespace orders {

StepResult failed_when_unreachable(const std::function<StepResult()>& call) {
  try {
    return call();
  } catch (const platform::Error& error) {
    if (error.kind() != platform::ErrorKind::unavailable) throw;
    return {StepOutcome::failed, {}, error.what()};
  }
}

StepResult run_step(SagaParticipants& participants, const Order& order) {
  switch (order.saga.step) {
    case SagaStep::reserve_stock:
      return participants.reserve_stock(order);
    case SagaStep::authorize_payment:
      return participants.authorize_payment(order);
    case SagaStep::confirm_stock:
      return participants.confirm_stock(order);
    case SagaStep::void_payment:
      return participants.void_payment(order);
    case SagaStep::release_stock:
      return participants.release_stock(order);
    case SagaStep::done:
    case SagaStep::cancelled:
      break;
  }
  return {StepOutcome::succeeded, {}, {}};
}

}  // namespace orders
