#include "processor/card_processor.h"

#include <thread>

namespace payments {

Outcome decide_authorization(CardBehaviour behaviour, bool expired, bool chaos_failure) {
  if (chaos_failure || behaviour == CardBehaviour::processing_error) {
    return {Decision::failed, {}};
  }
  if (expired) return {Decision::declined, "expired_card"};
  if (behaviour == CardBehaviour::decline) return {Decision::declined, "card_declined"};
  if (behaviour == CardBehaviour::insufficient_funds) {
    return {Decision::declined, "insufficient_funds"};
  }
  return {Decision::approved, {}};
}

Outcome decide_capture(CardBehaviour behaviour, bool chaos_failure) {
  if (chaos_failure) return {Decision::failed, {}};
  if (behaviour == CardBehaviour::capture_fails) return {Decision::declined, "capture_declined"};
  return {Decision::approved, {}};
}

Outcome decide_other(bool chaos_failure) {
  return chaos_failure ? Outcome{Decision::failed, {}} : Outcome{Decision::approved, {}};
}

CardProcessor::CardProcessor(ProcessorSettings settings)
    : settings_(settings), random_(std::random_device{}()) {}

Outcome CardProcessor::authorize(CardBehaviour behaviour, bool expired) {
  wait(behaviour);
  return decide_authorization(behaviour, expired, chaos_failure());
}

Outcome CardProcessor::capture(CardBehaviour behaviour) {
  wait(behaviour);
  return decide_capture(behaviour, chaos_failure());
}

Outcome CardProcessor::void_or_refund() {
  wait(CardBehaviour::approve);
  return decide_other(chaos_failure());
}

void CardProcessor::wait(CardBehaviour behaviour) const {
  auto delay = settings_.latency;
  if (behaviour == CardBehaviour::slow) delay += settings_.slow_card_delay;
  if (delay.count() > 0) std::this_thread::sleep_for(delay);
}

bool CardProcessor::chaos_failure() {
  if (settings_.failure_rate <= 0) return false;
  std::lock_guard lock(mutex_);
  return std::uniform_real_distribution<double>(0, 1)(random_) < settings_.failure_rate;
}

}  // namespace payments
