#include "saga/saga_participants.h"

namespace orders {

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
