#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/interaction_matrix.h"

namespace recommendations {

// What a customer did with a product, as the events tell it.
enum class Signal { purchase, cart_addition, view };

// "purchase", "cart_addition", "view": how the log stores a signal.
std::string_view name_of(Signal signal);
std::optional<Signal> signal_named(std::string_view name);

struct LoggedInteraction {
  std::string customer;
  std::string product;
  Signal signal = Signal::view;
  std::chrono::system_clock::time_point at;
};

// How much each signal says about interest, and how fast it fades: a
// purchase a half-life ago counts as half a purchase today. Several signals
// for one product add up to at most `most` (a customer who viewed a lamp
// ten times and bought it is not ten times as interested).
struct InteractionWeights {
  float purchase = 1;
  float cart_addition = 0.5F;
  float view = 0.2F;
  std::chrono::hours half_life{24 * 90};
  float most = 1;
};

float weight_of(Signal signal, std::chrono::system_clock::duration age,
                const InteractionWeights& weights);

// The log as models learn from it: customers and products numbered in order
// of first appearance, one weight per (customer, product), and what each
// customer bought (sorted product indices), which is never recommended
// back.
struct TrainingSet {
  std::vector<std::string> customers;
  std::vector<std::string> products;
  InteractionMatrix interactions;
  std::vector<std::vector<int>> purchased;
};

TrainingSet training_set(std::span<const LoggedInteraction> log, const InteractionWeights& weights,
                         std::chrono::system_clock::time_point now);

}  // namespace recommendations
