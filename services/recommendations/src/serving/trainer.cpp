#include "serving/trainer.h"

#include "platform/log.h"

namespace recommendations {

Trainer::Trainer(InteractionStore& store, ModelHolder& holder,
                 platform::metrics::Registry& registry, TrainerOptions options)
    : store_(store),
      holder_(holder),
      options_(std::move(options)),
      trainings_(registry.counter("recommendations_trainings_total", "Model trainings by outcome",
                                  {"outcome"})),
      model_size_(registry.gauge("recommendations_model_entries",
                                 "What the served models were trained on", {"kind"})),
      duration_(registry.histogram("recommendations_training_duration_seconds",
                                   "Time to read the log and train every model", {},
                                   {0.01, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600})) {}

std::shared_ptr<const TrainedModels> Trainer::train_now() {
  std::lock_guard lock(training_);
  const auto started = std::chrono::steady_clock::now();
  try {
    const auto now = std::chrono::system_clock::now();
    const auto log = store_.since(now - options_.window, options_.most_interactions);
    auto models = train_models(log, options_.training, now);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    duration_.with({}).observe(took.count());
    trainings_.with({"trained"}).increment();
    model_size_.with({"interactions"}).set(static_cast<std::int64_t>(models->interactions()));
    model_size_.with({"products"}).set(static_cast<std::int64_t>(models->products()));
    model_size_.with({"customers"}).set(static_cast<std::int64_t>(models->customers()));
    platform::log::info("models trained", {{"interactions", models->interactions()},
                                           {"products", models->products()},
                                           {"customers", models->customers()},
                                           {"seconds", took.count()}});
    holder_.replace(models);
    return models;
  } catch (const std::exception& error) {
    trainings_.with({"failed"}).increment();
    platform::log::error("training failed; the models served stay", {{"error", error.what()}});
    throw;
  }
}

}  // namespace recommendations
