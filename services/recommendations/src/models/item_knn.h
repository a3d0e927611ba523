#pragma once

#include "models/item_to_item.h"

namespace recommendations {

struct ItemKnnOptions {
  // Added to the cosine's denominator: a similarity resting on few shared
  // users shrinks towards zero.
  float shrinkage = 100;
  // Items fewer users interacted with get no weights.
  int minimum_users = 2;
  // Similarities kept per item, the strongest (chosen on a validation
  // split of MovieLens, README.md).
  int neighbours = 1000;
};

// Item-based collaborative filtering: cosine similarity of the items'
// user columns, shrunk, kept to each item's nearest neighbours.
ItemToItem train_item_knn(const InteractionMatrix& interactions,
                          const ItemKnnOptions& options = {});

}  // namespace recommendations
