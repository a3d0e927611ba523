#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/business_rules.h"
#include "serving/model_holder.h"
#include "store/interaction_store.h"
#include "store/product_facts_store.h"

namespace recommendations {

struct Recommendation {
  std::string product_id;
  float score = 0;
  std::string model;  // which model ranked it
};

// An answer says which model produced it: the one asked for, or
// "popular" when that one knew nothing to offer (a customer or product it
// never saw, nothing trained yet). Items the first model could not fill
// come from popular and say so.
struct Answer {
  std::string model;
  std::optional<platform::SystemTime> trained_at;
  std::vector<Recommendation> items;
};

// The three questions, answered from the models being served and the
// shop's rules: nothing already bought (by the models' log or since their
// training), nothing unavailable or deleted, categories spread.
class Answers {
 public:
  Answers(const ModelHolder& holder, const ProductFactsStore& facts,
          const InteractionStore& interactions)
      : holder_(holder), facts_(facts), interactions_(interactions) {}

  // The personal models: EASE (the default, the more accurate offline) or
  // implicit ALS, which folds the customer's history in.
  enum class PersonalModel { ease, als };
  Answer for_customer(const std::string& customer_id, const Rules& rules,
                      PersonalModel personal = PersonalModel::ease) const;
  // "Customers also bought": never the product itself.
  Answer similar_to(const std::string& product_id, const Rules& rules) const;
  Answer popular(const Rules& rules) const;
  // Whether a training has produced models yet (readiness).
  bool trained() const { return holder_.current() != nullptr; }

 private:
  const ModelHolder& holder_;
  const ProductFactsStore& facts_;
  const InteractionStore& interactions_;
};

}  // namespace recommendations
