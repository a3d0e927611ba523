#pragma once

#include "store/catalog_store.h"

namespace catalog {

// Fills an empty catalog with a coherent demo shop: ten departments with
// subcategories, brands that belong to them, and a few hundred products with
// prices, attributes, shipping weights, tax categories and stock. Generated
// from a fixed seed, so every fresh start shows the same shop; no third-party
// data. Does nothing when the catalog already has categories. Returns the
// number of products created.
int seed_demo_catalog(CatalogStore& store);

}  // namespace catalog
