#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/facets.h"
#include "domain/indexed_product.h"
#include "domain/query_plan.h"

namespace search {

enum class SortOrder { relevance, price_asc, price_desc, popularity, newest };

std::string_view to_string(SortOrder order);
std::optional<SortOrder> parse_sort_order(std::string_view text);

struct SearchFilters {
  std::optional<std::string> category;    // a category path: it and everything below
  std::vector<std::string> brands;        // any of these
  std::optional<std::int64_t> min_price;  // minor units, inclusive
  std::optional<std::int64_t> max_price;  // minor units, inclusive
  bool in_stock_only = false;
};

struct SearchRequest {
  std::string text;  // may be empty: browse by filters
  SearchFilters filters;
  SortOrder sort = SortOrder::relevance;
  std::size_t offset = 0;
  std::size_t limit = 20;
  bool facets = true;
  bool highlight = true;
};

inline constexpr std::size_t kMaxQueryLength = 200;  // characters
inline constexpr std::size_t kMaxLimit = 100;
// Deeper pages are refused: nobody reads them, and they cost more each.
inline constexpr std::size_t kMaxOffset = 1000;

struct SearchHit {
  IndexedProduct product;
  double score = 0;
  // HTML with matches in <mark>: the title, and a passage of the description.
  std::string title_highlight;
  std::string description_snippet;
};

struct SearchResult {
  std::vector<SearchHit> hits;
  std::uint64_t total = 0;  // products matching
  bool total_exact = true;  // false: an estimate (beyond SearchOptions::exact_totals_up_to)
  Facets facets;
  std::vector<Correction> corrections;
  std::string corrected_text;
  // Few products had every word, so products with some of them follow.
  bool relaxed = false;
  std::optional<std::size_t> next_offset;
};

}  // namespace search
