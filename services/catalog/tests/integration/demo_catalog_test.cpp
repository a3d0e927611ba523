#include "demo/demo_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "catalog_service.h"
#include "platform/bus/in_process_bus.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace catalog::testing {
namespace {

// sku -> title, price and weight, for comparing two seeded catalogs.
using Seeded = std::map<std::string, std::tuple<std::string, std::int64_t, std::int64_t>>;

Seeded seed_and_read() {
  auto fresh = platform::testing::open_fresh_database(platform::testing::DatabaseBackend::sqlite);
  CatalogService::migrate(fresh->database());
  platform::bus::InProcessBus bus;
  platform::metrics::Registry registry;
  platform::testing::TestIssuer issuer;
  CatalogService service(fresh->database(), bus, registry, issuer.verifier());
  EXPECT_EQ(seed_demo_catalog(service.store()), 340);
  EXPECT_EQ(seed_demo_catalog(service.store()), 0) << "a seeded catalog is left alone";

  const auto categories = service.store().list_categories();
  EXPECT_EQ(std::count_if(categories.begin(), categories.end(),
                          [](const Category& category) { return !category.parent_id; }),
            10);
  Seeded products;
  ProductQuery query;
  query.limit = 100;
  while (true) {
    const auto page = service.store().list_products(query);
    for (const auto& product : page.items) {
      products[product.sku] = {product.title, product.price.amount, product.weight_grams};
      const auto cents = product.price.amount % 100;
      EXPECT_TRUE(cents == 99 || cents == 95) << product.sku << " " << product.price.amount;
      EXPECT_TRUE(product.title.starts_with(product.brand)) << product.title;
      EXPECT_NE(product.category_path.find('/'), std::string::npos)
          << "products sit in subcategories";
      // Shippable weights: earbuds at tens of grams, desks at tens of kilograms.
      EXPECT_GE(product.weight_grams, 40) << product.sku;
      EXPECT_LE(product.weight_grams, 45'000) << product.sku;
      EXPECT_EQ(product.tax_category, product.category_path.starts_with("books/")
                                          ? TaxCategory::reduced
                                          : TaxCategory::standard)
          << product.sku;
    }
    if (!page.next_cursor) break;
    query.after = decode_cursor(*page.next_cursor);
  }
  return products;
}

TEST(DemoCatalog, IsTheSameShopOnEveryFreshStart) {
  const auto first = seed_and_read();
  const auto second = seed_and_read();
  EXPECT_EQ(first.size(), 340u);
  EXPECT_EQ(first, second);
}

}  // namespace
}  // namespace catalog::testing
