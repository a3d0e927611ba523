#pragma once

#include <Eigen/SparseCore>
#include <span>
#include <vector>

namespace recommendations {

// One user's interest in one item, in dense indices: 1 for a rating or a
// purchase, less for a view, less again once time has decayed it.
struct Interaction {
  int user = 0;
  int item = 0;
  float weight = 1;
};

struct ItemWeight {
  int item = 0;
  float weight = 1;
};

// What a model is asked about: the items someone interacted with.
using History = std::span<const ItemWeight>;

// Users by items, a user per row: what training reads. Repeated (user,
// item) pairs add up.
class InteractionMatrix {
 public:
  using Rows = Eigen::SparseMatrix<float, Eigen::RowMajor, int>;

  InteractionMatrix(int users, int items, std::span<const Interaction> interactions);

  int users() const { return static_cast<int>(rows_.rows()); }
  int items() const { return static_cast<int>(rows_.cols()); }
  const Rows& rows() const { return rows_; }
  // One user's items in item order.
  std::vector<ItemWeight> history(int user) const;
  // How many users interacted with each item.
  std::vector<int> users_per_item() const;

 private:
  Rows rows_;
};

}  // namespace recommendations
