#pragma once

#include <filesystem>
#include <vector>

#include "domain/indexed_product.h"

namespace search::relevance {

// The Best Buy cell phone catalog (ecommerce.json: name, description, brand,
// categories, price, image, popularity) as the index keeps products. A
// product's id is its Best Buy SKU, the digits of its image's file name, as
// the judgments name it; categories become a path of slugs; prices are in
// US cents; every product is on sale and in stock.
std::vector<IndexedProduct> read_bestbuy_catalog(const std::filesystem::path& file);

// Where the catalog is: $SHOP_BESTBUY_DATA, else the shared data folder
// beside the repository (../shared/data/bestbuy-cellphones/ecommerce.json).
std::filesystem::path bestbuy_catalog_path();

}  // namespace search::relevance
