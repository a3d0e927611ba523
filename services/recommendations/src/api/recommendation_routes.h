#pragma once

#include <cstddef>

#include "platform/http/router.h"
#include "serving/answers.h"
#include "serving/trainer.h"

namespace recommendations {

struct RouteContext {
  const Answers& answers;
  Trainer& trainer;
  std::size_t per_category;
};

// GET /v1/recommendations/users/{id} (the customer, or an admin),
// GET /v1/recommendations/products/{id}/similar and
// GET /v1/recommendations/popular (anyone), POST /v1/recommendations/training
// (admins).
void add_recommendation_routes(platform::http::Router& router, RouteContext context);

}  // namespace recommendations
