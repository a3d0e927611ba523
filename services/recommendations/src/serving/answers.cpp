#include "serving/answers.h"

#include <algorithm>

#include "domain/ranking.h"

namespace recommendations {
namespace {

// Ranked beyond what is asked: the rules may leave many out.
std::size_t candidates_for(const Rules& rules) { return rules.count * 5 + 20; }

// The first model's choice under the rules, then popular's for what is
// left, none of `excluded` nor what was already chosen.
Answer choose(const TrainedModels& models, const std::string& model,
              const std::vector<ScoredItem>& ranked, std::vector<int> excluded,
              const ProductFactsStore& store, const Rules& rules) {
  std::vector<int> left_out = excluded;
  std::sort(left_out.begin(), left_out.end());
  std::vector<ScoredItem> popular;
  for (const auto& entry : models.popular_ranking()) {
    if (popular.size() == candidates_for(rules) * 2) break;
    if (!std::binary_search(left_out.begin(), left_out.end(), entry.item)) {
      popular.push_back(entry);
    }
  }
  // Facts for the candidates only.
  std::vector<std::string> ids;
  for (const auto& entry : ranked) ids.push_back(models.product_id(entry.item));
  for (const auto& entry : popular) ids.push_back(models.product_id(entry.item));
  const auto facts = store.facts(ids);
  const FactsOf facts_of = [&facts, &models](int item) -> const ProductFacts* {
    const auto found = facts.find(models.product_id(item));
    return found == facts.end() ? nullptr : &found->second;
  };

  Answer answer{model, models.trained_at(), {}};
  for (const auto& chosen : apply_rules(ranked, facts_of, excluded, rules)) {
    answer.items.push_back({models.product_id(chosen.item), chosen.score, model});
    excluded.push_back(chosen.item);
  }
  if (answer.items.size() < rules.count) {
    const Rules rest{.count = rules.count - answer.items.size(),
                     .per_category = rules.per_category};
    for (const auto& chosen : apply_rules(popular, facts_of, excluded, rest)) {
      answer.items.push_back({models.product_id(chosen.item), chosen.score, "popular"});
    }
  }
  if (answer.items.empty() || answer.items.front().model != model) answer.model = "popular";
  return answer;
}

}  // namespace

Answer Answers::for_customer(const std::string& customer_id, const Rules& rules,
                             PersonalModel personal) const {
  const auto models = holder_.current();
  if (!models) return {"popular", std::nullopt, {}};
  // What was bought since the training is not in the models yet.
  std::vector<int> bought;
  for (const auto& product : interactions_.purchases_since(customer_id, models->trained_at())) {
    if (const auto item = models->product(product)) bought.push_back(*item);
  }
  const auto customer = models->customer(customer_id);
  if (!customer) return choose(*models, "popular", {}, std::move(bought), facts_, rules);
  const auto& trained = models->purchased(*customer);
  bought.insert(bought.end(), trained.begin(), trained.end());
  const Recommender& model = personal == PersonalModel::als
                                 ? static_cast<const Recommender&>(models->als())
                                 : models->ease();
  const auto ranked =
      top_items(model.scores(models->history(*customer)), candidates_for(rules), bought);
  return choose(*models, model.name(), ranked, std::move(bought), facts_, rules);
}

Answer Answers::similar_to(const std::string& product_id, const Rules& rules) const {
  const auto models = holder_.current();
  if (!models) return {"popular", std::nullopt, {}};
  const auto product = models->product(product_id);
  if (!product) return choose(*models, "popular", {}, {}, facts_, rules);
  const auto ranked = models->ease().similar(*product, candidates_for(rules));
  return choose(*models, models->ease().name(), ranked, {*product}, facts_, rules);
}

Answer Answers::popular(const Rules& rules) const {
  const auto models = holder_.current();
  if (!models) return {"popular", std::nullopt, {}};
  return choose(*models, "popular", {}, {}, facts_, rules);
}

}  // namespace recommendations
