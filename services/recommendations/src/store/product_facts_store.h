#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "domain/business_rules.h"
#include "events/catalog_changes.h"
#include "platform/db/database.h"

namespace recommendations {

// The products' facts in SQL (migrations/0002_product_facts.sql).
class ProductFactsStore {
 public:
  explicit ProductFactsStore(platform::db::Database& database) : database_(database) {}

  // In the caller's transaction; each part applied only when newer.
  static void apply(platform::db::Session& session, const CatalogChange& change);

  // The facts of those of `product_ids` the catalog told of and did not
  // delete; a product missing from the answer cannot be offered.
  std::unordered_map<std::string, ProductFacts> facts(
      const std::vector<std::string>& product_ids) const;

 private:
  platform::db::Database& database_;
};

}  // namespace recommendations
