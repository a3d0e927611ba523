#include "serving/trained_models.h"

namespace recommendations {

TrainedModels::TrainedModels(TrainingSet set, ItemToItem ease, ImplicitAls als, MostPopular popular,
                             platform::SystemTime trained_at, std::size_t interactions)
    : set_(std::move(set)),
      ease_(std::move(ease)),
      als_(std::move(als)),
      popular_(std::move(popular)),
      // Enough to fill any answer whatever the rules leave out.
      popular_ranking_(top_items(popular_.scores({}), 1000)),
      trained_at_(trained_at),
      interactions_(interactions) {
  for (std::size_t index = 0; index < set_.products.size(); ++index) {
    product_index_.emplace(set_.products[index], static_cast<int>(index));
  }
  for (std::size_t index = 0; index < set_.customers.size(); ++index) {
    customer_index_.emplace(set_.customers[index], static_cast<int>(index));
  }
}

std::optional<int> TrainedModels::product(const std::string& id) const {
  const auto found = product_index_.find(id);
  if (found == product_index_.end()) return std::nullopt;
  return found->second;
}

const std::string& TrainedModels::product_id(int index) const {
  return set_.products.at(static_cast<std::size_t>(index));
}

std::optional<int> TrainedModels::customer(const std::string& id) const {
  const auto found = customer_index_.find(id);
  if (found == customer_index_.end()) return std::nullopt;
  return found->second;
}

std::vector<ItemWeight> TrainedModels::history(int customer) const {
  return set_.interactions.history(customer);
}

const std::vector<int>& TrainedModels::purchased(int customer) const {
  return set_.purchased.at(static_cast<std::size_t>(customer));
}

std::shared_ptr<const TrainedModels> train_models(std::span<const LoggedInteraction> log,
                                                  const TrainingOptions& options,
                                                  platform::SystemTime now) {
  auto set = training_set(log, options.weights, now);
  auto ease = train_ease(set.interactions, options.ease);
  auto als = train_implicit_als(set.interactions, options.als);
  MostPopular popular(set.interactions);
  return std::make_shared<const TrainedModels>(std::move(set), std::move(ease), std::move(als),
                                               std::move(popular), now, log.size());
}

}  // namespace recommendations
