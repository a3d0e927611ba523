#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "domain/checkout_saga.h"
#include "domain/order.h"

namespace orders {

// The other services an order's life calls on, one call per operation. Each
// is safe to repeat: the catalog holds stock once per order, the payment
// service acts once per Idempotency-Key. Results say whether to go on
// (succeeded), give up (refused, with what the customer is told) or ask
// again later (failed).
class SagaParticipants {
 public:
  virtual ~SagaParticipants() = default;

  virtual StepResult reserve_stock(const Order& order) = 0;
  virtual StepResult authorize_payment(const Order& order) = 0;
  virtual StepResult confirm_stock(const Order& order) = 0;
  // Compensations find what to undo by order when the saga never learnt its
  // id (the answer that carried it was lost); succeeded when nothing is left
  // to undo.
  virtual StepResult void_payment(const Order& order) = 0;
  virtual StepResult release_stock(const Order& order) = 0;

  // Not saga steps: asked for by an admin shipping or refunding the order.
  virtual StepResult capture_payment(const Order& order) = 0;
  virtual StepResult refund_payment(const Order& order, std::int64_t amount, const std::string& key,
                                    const std::string& reason) = 0;
};

// The call the saga's current step makes.
StepResult run_step(SagaParticipants& participants, const Order& order);

// Makes `call`; a service that cannot be reached (or no token to reach it
// with: Error(unavailable)) is a failure to try again, like a 5xx.
StepResult failed_when_unreachable(const std::function<StepResult()>& call);

}  // namespace orders
