#pragma once

#include <chrono>
#include <mutex>
#include <random>
#include <string>

#include "domain/card.h"

namespace payments {

// How the simulated processor misbehaves, for chaos tests and benchmarks.
struct ProcessorSettings {
  std::chrono::milliseconds latency{0};  // added to every operation
  double failure_rate = 0;               // share of operations that fail (0-1)
  std::chrono::milliseconds slow_card_delay{3000};
};

enum class Decision { approved, declined, failed };

struct Outcome {
  Decision decision = Decision::approved;
  std::string decline_code;  // when declined: card_declined, insufficient_funds, expired_card
};

// The pure part: what the card network answers for a card, given whether
// the card has expired and whether this call is one the chaos setting fails.
Outcome decide_authorization(CardBehaviour behaviour, bool expired, bool chaos_failure);
Outcome decide_capture(CardBehaviour behaviour, bool chaos_failure);
// Voids and refunds only fail by chaos.
Outcome decide_other(bool chaos_failure);

// A card processor in test mode, like a PSP's sandbox: answers by the
// documented test cards, after the configured latency, failing the
// configured share of calls. Thread-safe.
class CardProcessor {
 public:
  explicit CardProcessor(ProcessorSettings settings);

  Outcome authorize(CardBehaviour behaviour, bool expired);
  Outcome capture(CardBehaviour behaviour);
  Outcome void_or_refund();

 private:
  void wait(CardBehaviour behaviour) const;
  bool chaos_failure();

  ProcessorSettings settings_;
  std::mutex mutex_;
  std::mt19937_64 random_;
};

}  // namespace payments
