#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/interaction_log.h"
#include "domain/ranking.h"
#include "models/ease.h"
#include "models/implicit_als.h"
#include "models/most_popular.h"
#include "platform/clock.h"

namespace recommendations {

struct TrainingOptions {
  InteractionWeights weights;
  // A shop has far fewer interactions per product than MovieLens has
  // ratings per film: a product two customers had is worth learning.
  EaseOptions ease{.l2 = 100, .minimum_users = 2};
  ImplicitAlsOptions als;
};

// What one training made from the log, read-only once made, so serving
// threads share it without locks and a new training replaces it whole.
class TrainedModels {
 public:
  TrainedModels(TrainingSet set, ItemToItem ease, ImplicitAls als, MostPopular popular,
                platform::SystemTime trained_at, std::size_t interactions);

  // The product's index in the models, if any training interaction named it.
  std::optional<int> product(const std::string& id) const;
  const std::string& product_id(int index) const;
  std::optional<int> customer(const std::string& id) const;
  // The customer's interactions, as trained on.
  std::vector<ItemWeight> history(int customer) const;
  // What the customer bought, sorted.
  const std::vector<int>& purchased(int customer) const;

  const ItemToItem& ease() const { return ease_; }
  const ImplicitAls& als() const { return als_; }
  const MostPopular& popular() const { return popular_; }
  // The most popular products, best first, worked out once per training.
  const std::vector<ScoredItem>& popular_ranking() const { return popular_ranking_; }
  std::size_t products() const { return set_.products.size(); }
  std::size_t customers() const { return set_.customers.size(); }
  platform::SystemTime trained_at() const { return trained_at_; }
  std::size_t interactions() const { return interactions_; }

 private:
  TrainingSet set_;
  std::unordered_map<std::string, int> product_index_;
  std::unordered_map<std::string, int> customer_index_;
  ItemToItem ease_;
  ImplicitAls als_;
  MostPopular popular_;
  std::vector<ScoredItem> popular_ranking_;
  platform::SystemTime trained_at_;
  std::size_t interactions_;
};

std::shared_ptr<const TrainedModels> train_models(std::span<const LoggedInteraction> log,
                                                  const TrainingOptions& options,
                                                  platform::SystemTime now);

}  // namespace recommendations
