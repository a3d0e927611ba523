#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace search {

struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
  bool operator==(const FacetCount&) const = default;
};

// Prices from `minimum` (inclusive) to `maximum` (exclusive; none for the last).
struct PriceBucket {
  std::int64_t minimum = 0;
  std::optional<std::int64_t> maximum;
  std::uint64_t count = 0;
  bool operator==(const PriceBucket&) const = default;
};

struct Facets {
  std::vector<FacetCount> brands;
  std::vector<FacetCount> categories;
  std::vector<PriceBucket> prices;
};

// Where price buckets start, in minor units (the first starts at 0): under
// 10, 10 to 25, 25 to 50, ... 1000 and over, in the shop's currency. At
// most 15 edges: the columns keep a bucket in 4 bits.
const std::vector<std::int64_t>& default_price_edges();

// The bucket of `amount` among the buckets `edges` make.
std::size_t price_bucket_of(std::int64_t amount, const std::vector<std::int64_t>& edges);

// Counts per bucket index -> the non-empty buckets, cheapest first.
std::vector<PriceBucket> price_buckets(const std::vector<std::uint64_t>& counts,
                                       const std::vector<std::int64_t>& edges);

// Counts per brand -> the `limit` most common, then by name.
std::vector<FacetCount> top_values(const std::map<std::string, std::uint64_t>& counts,
                                   std::size_t limit);

// Counts per full category path -> the counts of the categories one level
// below `selected` (the top level without one), each with everything under
// it: how a shopper narrows down.
std::vector<FacetCount> category_children(const std::map<std::string, std::uint64_t>& counts,
                                          const std::optional<std::string>& selected);

}  // namespace search
