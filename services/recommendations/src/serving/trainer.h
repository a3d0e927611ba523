#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>

#include "platform/metrics.h"
#include "serving/model_holder.h"
#include "store/interaction_store.h"

namespace recommendations {

struct TrainerOptions {
  TrainingOptions training;
  // What a training reads of the log: its recent part, bounded.
  std::chrono::milliseconds window{std::chrono::hours(24 * 365)};
  std::size_t most_interactions = 2'000'000;
};

// Trains from the log and swaps the result into the holder. One training
// at a time: a request for one while another runs waits for it and then
// trains again (what it asked for may have been logged after the first
// read the log).
class Trainer {
 public:
  Trainer(InteractionStore& store, ModelHolder& holder, platform::metrics::Registry& registry,
          TrainerOptions options);

  // Returns the models now served.
  std::shared_ptr<const TrainedModels> train_now();

 private:
  InteractionStore& store_;
  ModelHolder& holder_;
  TrainerOptions options_;
  std::mutex training_;
  platform::metrics::Family<platform::metrics::Counter>& trainings_;
  platform::metrics::Family<platform::metrics::Gauge>& model_size_;
  platform::metrics::Family<platform::metrics::Histogram>& duration_;
};

}  // namespace recommendations
