#pragma once

#include "models/item_to_item.h"

namespace recommendations {

struct EaseOptions {
  // L2 regularisation of the item-to-item weights, chosen on a validation
  // split of MovieLens (README.md).
  float l2 = 100;
  // Items fewer users interacted with get no weights.
  int minimum_users = 3;
};

// EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data",
// WWW 2019): the item-to-item matrix B that best rebuilds X from X B with a
// zero diagonal, in closed form: P = (X'X + l2 I)^-1, B = -P / diag(P).
// One dense inversion, so its cost grows with the cube of the items that
// have interactions (the others get no weights).
ItemToItem train_ease(const InteractionMatrix& interactions, const EaseOptions& options = {});

}  // namespace recommendations
