#pragma once

#include <memory>
#include <mutex>

#include "serving/trained_models.h"

namespace recommendations {

// The models being served. A request takes the current ones and keeps them
// for as long as it needs (shared ownership); a training swaps in new ones
// whole, so no request ever sees half of a training. The lock guards only
// the pointer's copy.
class ModelHolder {
 public:
  std::shared_ptr<const TrainedModels> current() const {
    std::lock_guard lock(mutex_);
    return current_;
  }

  void replace(std::shared_ptr<const TrainedModels> models) {
    std::lock_guard lock(mutex_);
    // The old models leave with `models`, after the lock is released:
    // freeing them may take a while, and a request may still hold them.
    current_.swap(models);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const TrainedModels> current_;
};

}  // namespace recommendations
