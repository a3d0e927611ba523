#include "domain/indexed_product.h"

#include <gtest/gtest.h>

#include "domain/facets.h"

namespace search {
namespace {

using Kind = StoredEntry::Kind;

IndexedProduct product(std::int64_t version, std::int64_t available, std::int64_t stock_version) {
  IndexedProduct product;
  product.id = "0192d3c4-0000-7000-8000-000000000001";
  product.title = "Lamp v" + std::to_string(version);
  product.version = version;
  product.stock = {available, stock_version};
  return product;
}

StoredEntry stored(const IndexedProduct& product) { return {Kind::product, product}; }

TEST(VersionRules, ANewProductIsWritten) {
  const auto change = apply_upsert({}, product(1, 5, 1));
  ASSERT_TRUE(change.changed);
  EXPECT_EQ(change.entry.kind, Kind::product);
  EXPECT_EQ(change.entry.product, product(1, 5, 1));
}

TEST(VersionRules, AnOlderOrRepeatedProductChangesNothing) {
  EXPECT_FALSE(apply_upsert(stored(product(3, 5, 4)), product(3, 5, 4)).changed) << "a repeat";
  EXPECT_FALSE(apply_upsert(stored(product(3, 5, 4)), product(2, 9, 2)).changed) << "older";
}

TEST(VersionRules, AnOlderProductMayStillBringNewerStock) {
  const auto change = apply_upsert(stored(product(3, 5, 4)), product(2, 0, 7));
  ASSERT_TRUE(change.changed);
  EXPECT_EQ(change.entry.product.title, "Lamp v3") << "the product stays the newer one";
  EXPECT_EQ(change.entry.product.stock, (StockLevel{0, 7}));
}

TEST(VersionRules, ANewerProductKeepsNewerStock) {
  const auto change = apply_upsert(stored(product(3, 0, 9)), product(4, 5, 4));
  ASSERT_TRUE(change.changed);
  EXPECT_EQ(change.entry.product.title, "Lamp v4");
  EXPECT_EQ(change.entry.product.stock, (StockLevel{0, 9}));
}

TEST(VersionRules, StockOrdersByItsVersion) {
  const auto newer = apply_stock(stored(product(3, 5, 4)), product(1, 0, 0).id, {0, 5});
  ASSERT_TRUE(newer.changed);
  EXPECT_EQ(newer.entry.product.stock, (StockLevel{0, 5}));
  EXPECT_EQ(newer.entry.product.title, "Lamp v3");
  EXPECT_FALSE(apply_stock(stored(product(3, 5, 4)), product(1, 0, 0).id, {9, 4}).changed);
  EXPECT_FALSE(apply_stock(stored(product(3, 5, 4)), product(1, 0, 0).id, {9, 3}).changed);
}

TEST(VersionRules, StockBeforeItsProductIsKeptForIt) {
  const auto id = product(1, 0, 0).id;
  const auto early = apply_stock({}, id, {7, 3});
  ASSERT_TRUE(early.changed);
  EXPECT_EQ(early.entry.kind, Kind::stock_only);
  EXPECT_EQ(early.entry.product.id, id);
  const auto then = apply_upsert(early.entry, product(1, 10, 1));
  ASSERT_TRUE(then.changed);
  EXPECT_EQ(then.entry.kind, Kind::product);
  EXPECT_EQ(then.entry.product.stock, (StockLevel{7, 3})) << "the stock figure was newer";
}

TEST(VersionRules, ARemovalIsFinal) {
  const auto id = product(1, 0, 0).id;
  const auto removed = apply_removal(stored(product(3, 5, 4)), id);
  ASSERT_TRUE(removed.changed);
  EXPECT_EQ(removed.entry.kind, Kind::removed);
  EXPECT_EQ(removed.entry.product.id, id);
  EXPECT_FALSE(apply_removal(removed.entry, id).changed);
  EXPECT_FALSE(apply_upsert(removed.entry, product(9, 5, 9)).changed)
      << "a late event never brings a deleted product back";
  EXPECT_FALSE(apply_stock(removed.entry, id, {5, 99}).changed);
  EXPECT_TRUE(apply_removal({}, id).changed) << "a removal of what was never seen is kept too";
}

TEST(Categories, AProductIsInEachAncestor) {
  EXPECT_EQ(category_ancestors("a/b/c"), (std::vector<std::string>{"a", "a/b", "a/b/c"}));
  EXPECT_EQ(category_ancestors("a"), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(category_ancestors("").empty());
}

TEST(Facets, PriceBuckets) {
  const auto edges = default_price_edges();
  EXPECT_EQ(price_bucket_of(0, edges), 0u);
  EXPECT_EQ(price_bucket_of(999, edges), 0u);
  EXPECT_EQ(price_bucket_of(1000, edges), 1u) << "an edge starts the next bucket";
  EXPECT_EQ(price_bucket_of(5'000'000, edges), edges.size());
  std::vector<std::uint64_t> counts(edges.size() + 1, 0);
  counts[0] = 2;
  counts[2] = 5;
  counts[edges.size()] = 1;
  EXPECT_EQ(price_buckets(counts, edges),
            (std::vector<PriceBucket>{{0, 1000, 2}, {2500, 5000, 5}, {100000, std::nullopt, 1}}));
}

TEST(Facets, TopValuesByCountThenName) {
  EXPECT_EQ(top_values({{"b", 3}, {"a", 3}, {"c", 9}, {"d", 0}}, 2),
            (std::vector<FacetCount>{{"c", 9}, {"a", 3}}));
}

TEST(Facets, CategoryChildrenCountEverythingBelow) {
  const std::map<std::string, std::uint64_t> counts{
      {"phones/cases", 4}, {"phones/cases/rugged", 2}, {"phones/chargers", 3}, {"home/lamps", 5}};
  EXPECT_EQ(category_children(counts, std::nullopt),
            (std::vector<FacetCount>{{"phones", 9}, {"home", 5}}));
  EXPECT_EQ(category_children(counts, "phones"),
            (std::vector<FacetCount>{{"phones/cases", 6}, {"phones/chargers", 3}}));
  EXPECT_EQ(category_children(counts, "phones/cases"),
            (std::vector<FacetCount>{{"phones/cases/rugged", 2}}));
  EXPECT_TRUE(category_children(counts, "garden").empty());
  EXPECT_TRUE(category_children(counts, "phone").empty()) << "a prefix of a slug is no parent";
}

}  // namespace
}  // namespace search
