#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "domain/indexed_product.h"
#include "index/document_layout.h"
#include "index/product_columns.h"

namespace search {

// The one writer of one index generation (a Xapian database in a folder of
// its own; Xapian allows one writer per database, across processes too).
// Every change is checked against what the index holds by the rules of
// domain/indexed_product.h, so events may come late, twice or out of order.
// Thread-safe: the event consumer and a reindex write through it at once.
class IndexWriter {
 public:
  // Opens the database in `directory`, creating it when missing.
  // Throws platform::Error(unavailable) when another process holds it.
  IndexWriter(std::filesystem::path directory, FieldWeights weights);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Each returns whether the index changed. Not committed: call commit()
  // (at once for an event about to be acknowledged, or per batch in bulk).
  bool upsert(const IndexedProduct& product);
  bool set_stock(const std::string& product_id, const StockLevel& stock);
  bool remove(const std::string& product_id);

  // Makes every change so far durable and visible to readers.
  void commit();
  // Whether a change waits for a commit (one that failed leaves it
  // pending: a repeat of its event finds it written and changes nothing).
  bool uncommitted();

  // Removals held, to carry into a new generation (a late event about a
  // deleted product must not bring it back there).
  std::vector<std::string> removed_ids();
  // Products held (entries of kind product), whatever their status.
  Xapian::doccount product_count();
  // Entries of any kind: products, stock figures, removals.
  Xapian::doccount document_count();

  const std::filesystem::path& directory() const noexcept { return directory_; }
  // The figures facets and ranking read, kept with every write.
  std::shared_ptr<const ProductColumns> columns() const noexcept { return columns_; }

 private:
  StoredEntry stored(const std::string& product_id);
  bool write(const EntryChange& change);
  template <class Work>
  auto guarded(const char* what, Work&& work);

  std::filesystem::path directory_;
  FieldWeights weights_;
  std::mutex mutex_;
  Xapian::WritableDatabase database_;
  bool uncommitted_ = false;
  std::shared_ptr<ProductColumns> columns_ = std::make_shared<ProductColumns>();
};

}  // namespace search
