#pragma once

#include <cstdint>
#include <vector>

#include "domain/interaction_matrix.h"
#include "evaluation/ratings.h"

namespace recommendations::evaluation {

// Ratings cut in two per user: what models learn from and what they are
// judged on. Every user with at least two ratings is in both halves (a
// stratified split).
struct Partition {
  std::vector<Rating> training;
  std::vector<Rating> held_out;
};

// Each user's ratings shuffled with one generator seeded by `seed`, users
// taken in order of first appearance; the first round(fraction x n) train,
// the rest are held out.
Partition partition_randomly(const std::vector<Rating>& ratings, double fraction,
                             std::uint64_t seed);

// Each user's ratings by time (ties by item id): the earliest
// round(fraction x n) train, the latest are held out.
Partition partition_by_time(const std::vector<Rating>& ratings, double fraction);

// What a training rating weighs. Every held-out rating is a positive
// whatever its stars (the task is to predict what someone will watch, not
// how they will like it), but the stars may still tell the models how sure
// a training rating is: a 5 counts 1, a 1 counts 0.2.
enum class TrainingWeight { binary, stars };

// A partition in dense indices, users and items numbered in order of first
// appearance over both halves.
struct Split {
  int users = 0;
  int items = 0;
  std::vector<Interaction> training;
  std::vector<std::vector<int>> held_out;  // per user, sorted
};

Split index(const Partition& partition, TrainingWeight weighting);

}  // namespace recommendations::evaluation
