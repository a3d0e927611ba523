#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "domain/indexed_product.h"

namespace search {

// How a product is laid out in a Xapian document, in one place:
// - its words as stems ("Z" + stem) with positions, each field adding its
//   weight to the within-document frequency (BM25 then favours a match in
//   the title over one in the description), fields kept apart by a gap in
//   positions so that no phrase spans two fields;
// - each word as analysed ("R" + word) without positions: what typo
//   correction and completion choose from, with how many products use it;
// - boolean terms for the filters; values for sorting, ranking signals and
//   facets; the entry itself as the document's data.
namespace layout {

inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kWordPrefix = "R";
inline constexpr std::string_view kStatusPrefix = "XS";    // + active, draft, archived
inline constexpr std::string_view kBrandPrefix = "XB";     // + brand_key(brand)
inline constexpr std::string_view kCategoryPrefix = "XC";  // + each ancestor path
inline constexpr std::string_view kKindPrefix = "XK";      // + product, stock, removed
inline constexpr std::string_view kInStockTerm = "XI";

enum Slot : Xapian::valueno {
  price = 0,              // sortable_serialise(amount)
  popularity = 1,         // sortable_serialise(popularity)
  created_at = 2,         // sortable_serialise(Unix ms)
  popularity_signal = 3,  // sortable_serialise(log(1 + popularity)): a ranking weight
  stock_signal = 4,       // sortable_serialise(1 in stock, 0 not): a ranking weight
  brand = 5,              // the brand as shown
  category = 6,           // the category path
};

inline std::string id_term(std::string_view id) { return std::string(kIdPrefix) + std::string(id); }
inline std::string stem_term(std::string_view stem) {
  return std::string(kStemPrefix) + std::string(stem);
}

// The term every entry of `kind` carries ("XKremoved").
std::string kind_term(StoredEntry::Kind kind);

// prefix + value as one term. Xapian refuses terms over 245 bytes; a
// longer one keeps its first 200 bytes and a digest of the whole, the same
// for the document and the filter that looks for it.
std::string bounded_term(std::string_view prefix, std::string_view value);

// A brand as filters compare it: its words analysed, space-separated, so
// "OtterBox", "Otterbox" and "otterbox" are one brand.
std::string brand_key(std::string_view brand);

}  // namespace layout

// How much one occurrence of a word counts, by field.
struct FieldWeights {
  Xapian::termcount title = 6;
  Xapian::termcount brand = 4;
  Xapian::termcount category = 2;
  Xapian::termcount description = 1;
  Xapian::termcount attributes = 1;
};

Xapian::Document document_of(const StoredEntry& entry, const FieldWeights& weights);
// Throws platform::Error(internal) for data no document_of wrote.
StoredEntry entry_of(const Xapian::Document& document);

}  // namespace search
