#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/money.h"

namespace search {

// A product's stock as the index knows it. `version` orders figures from
// the catalog (it bumps it with every inventory change).
struct StockLevel {
  std::int64_t available = 0;
  std::int64_t version = 0;
  bool operator==(const StockLevel&) const = default;
};

// A product as the search index keeps it: what it matches, filters, ranks
// and shows. Copied from the catalog's product document.
struct IndexedProduct {
  std::string id;
  std::string sku;
  std::string slug;
  std::string title;
  std::string description;
  std::string brand;
  std::string category_path;  // slugs from the root: "electronics/phones"
  std::vector<std::pair<std::string, std::string>> attributes;
  platform::Money price;
  std::vector<std::string> image_ids;
  std::string status = "active";  // draft, active, archived: only active ones are found
  std::int64_t popularity = 0;
  std::int64_t created_at = 0;  // Unix milliseconds
  std::int64_t version = 0;     // the catalog's product version
  StockLevel stock;

  bool searchable() const { return status == "active"; }
  bool in_stock() const { return stock.available > 0; }
  bool operator==(const IndexedProduct&) const = default;
};

// "electronics/phones/cases" -> {"electronics", "electronics/phones",
// "electronics/phones/cases"}: a product is in each of its ancestors.
std::vector<std::string> category_ancestors(const std::string& path);

// A category path read as words: "cell-phone-accessories/cases" ->
// "cell phone accessories cases".
std::string category_words(std::string_view path);

// What the index holds under a product id.
struct StoredEntry {
  enum class Kind {
    absent,      // nothing yet
    stock_only,  // a stock figure that came before the product
    product,     // the product
    removed,     // deleted in the catalog: ids are never reused, so for good
  };
  Kind kind = Kind::absent;
  IndexedProduct product;  // for stock_only, only id and stock
};

// What a catalog event does to an entry. The catalog's events may arrive
// late, twice or out of order (redeliveries, several catalog replicas, a
// reindex racing the stream); these rules make the end state the newest one
// whatever the order: a product version older than the stored one changes
// nothing but perhaps the stock, a stock version older than the stored
// one nothing at all, and a removal is final.
struct EntryChange {
  bool changed = false;  // false: the entry stays as it is
  StoredEntry entry;     // the entry to store when changed
};

EntryChange apply_upsert(const StoredEntry& stored, const IndexedProduct& incoming);
EntryChange apply_stock(const StoredEntry& stored, const std::string& product_id,
                        const StockLevel& stock);
EntryChange apply_removal(const StoredEntry& stored, const std::string& product_id);

}  // namespace search
