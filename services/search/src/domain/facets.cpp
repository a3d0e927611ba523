#include "domain/facets.h"

#include <algorithm>

namespace search {

const std::vector<std::int64_t>& default_price_edges() {
  static const std::vector<std::int64_t> kEdges{1000, 2500, 5000, 10000, 25000, 50000, 100000};
  return kEdges;
}

std::size_t price_bucket_of(std::int64_t amount, const std::vector<std::int64_t>& edges) {
  return static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), amount) -
                                  edges.begin());
}

std::vector<PriceBucket> price_buckets(const std::vector<std::uint64_t>& counts,
                                       const std::vector<std::int64_t>& edges) {
  std::vector<PriceBucket> buckets;
  for (std::size_t i = 0; i < counts.size() && i <= edges.size(); ++i) {
    if (counts[i] == 0) continue;
    PriceBucket bucket;
    bucket.minimum = i == 0 ? 0 : edges[i - 1];
    if (i < edges.size()) bucket.maximum = edges[i];
    bucket.count = counts[i];
    buckets.push_back(bucket);
  }
  return buckets;
}

std::vector<FacetCount> top_values(const std::map<std::string, std::uint64_t>& counts,
                                   std::size_t limit) {
  std::vector<FacetCount> values;
  for (const auto& [value, count] : counts) {
    if (count > 0) values.push_back({value, count});
  }
  std::stable_sort(values.begin(), values.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (values.size() > limit) values.resize(limit);
  return values;
}

std::vector<FacetCount> category_children(const std::map<std::string, std::uint64_t>& counts,
                                          const std::optional<std::string>& selected) {
  const std::string prefix = selected ? *selected + "/" : std::string();
  std::map<std::string, std::uint64_t> children;
  for (const auto& [path, count] : counts) {
    if (!path.starts_with(prefix) || path.size() == prefix.size()) continue;
    const auto end = path.find('/', prefix.size());
    children[path.substr(0, end)] += count;
  }
  return top_values(children, children.size());
}

}  // namespace search
