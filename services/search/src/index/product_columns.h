#pragma once

#include <xapian.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/indexed_product.h"

namespace search {

// What facets and ranking read of every matching product, in memory by
// Xapian document id: its brand and category (as numbers), price,
// popularity and stock. Reading Xapian's values for each match costs a
// B-tree lookup per value; this costs a load from an array. One per index
// generation: its writer keeps it current as it writes, so readers of the
// generation may see a change a moment before its commit, which neither
// counting nor ranking minds.
//
// Readers and the writer share it without locks: each figure is an atomic
// in fixed-size chunks that never move.
class ProductColumns {
 public:
  ProductColumns();
  ~ProductColumns();
  ProductColumns(const ProductColumns&) = delete;
  ProductColumns& operator=(const ProductColumns&) = delete;

  // Fills the columns of every product of `database` (a generation opened
  // by its writer, before it writes).
  void load(const Xapian::Database& database);
  // What document `document` now holds (an entry of another kind than
  // product clears it).
  void set(Xapian::docid document, const StoredEntry& entry);

  struct Row {
    std::uint32_t brand = 0;         // brand_name(); 0: none
    std::uint32_t category = 0;      // category_path(); 0: none
    std::uint32_t price_bucket = 0;  // of default_price_edges()
    float popularity = 0;            // log(1 + popularity), to a thousandth
    bool in_stock = false;
  };
  Row row(Xapian::docid document) const;
  // The largest popularity figure ever set: what the ranking scales by.
  float largest_popularity() const { return largest_popularity_.load(std::memory_order_relaxed); }

  std::string brand_name(std::uint32_t brand) const { return names(brands_, brand); }
  // How many brand numbers and category numbers there are (0 included).
  std::size_t brand_count() const { return size(brands_); }
  std::size_t category_count() const { return size(categories_); }
  std::string category_path(std::uint32_t category) const { return names(categories_, category); }

  // Bytes held, for the memory figures of the benchmark.
  std::size_t memory_bytes() const;

 private:
  // Names get a number on first sight and keep it; 0 is the empty name.
  struct Dictionary {
    mutable std::mutex mutex;
    std::unordered_map<std::string, std::uint32_t> numbers;
    std::deque<std::string> names{""};
  };
  static std::uint32_t number_of(Dictionary& dictionary, const std::string& name);
  static std::string names(const Dictionary& dictionary, std::uint32_t number);
  static std::size_t size(const Dictionary& dictionary);

  static constexpr std::uint64_t kPopularityMaximum = 0x7FFF;
  static constexpr std::size_t kChunkBits = 14;
  static constexpr std::size_t kChunk = std::size_t{1} << kChunkBits;
  static constexpr std::size_t kChunks = 1024;  // 16 million documents

  // One document's figures in one word, eight to a cache line: counting
  // a match costs one memory access, and the columns of 100,000 products
  // fit in 800 KB. Brand: 24 bits, category: 20, price bucket: 4,
  // popularity in thousandths: 15, in stock: 1.
  using Chunk = std::array<std::atomic<std::uint64_t>, kChunk>;
  static std::uint64_t packed(const Row& row);
  static Row unpacked(std::uint64_t word);
  void update(Xapian::docid document, const std::function<void(Row&)>& change);
  Chunk* chunk_for_writing(Xapian::docid document);
  void raise_largest_popularity(float popularity);

  std::array<std::atomic<Chunk*>, kChunks> chunks_{};
  std::mutex growing_;
  std::atomic<float> largest_popularity_{0};
  Dictionary brands_;
  Dictionary categories_;
};

}  // namespace search
