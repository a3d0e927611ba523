#include "index/product_columns.h"

#include <algorithm>
#include <cmath>

#include "domain/facets.h"
#include "index/document_layout.h"
#include "platform/error.h"

namespace search {

ProductColumns::ProductColumns() = default;

ProductColumns::~ProductColumns() {
  for (auto& chunk : chunks_) delete chunk.load();
}

std::uint32_t ProductColumns::number_of(Dictionary& dictionary, const std::string& name) {
  if (name.empty()) return 0;
  std::lock_guard lock(dictionary.mutex);
  const auto [found, added] =
      dictionary.numbers.try_emplace(name, static_cast<std::uint32_t>(dictionary.names.size()));
  if (added) dictionary.names.push_back(name);
  return found->second;
}

std::string ProductColumns::names(const Dictionary& dictionary, std::uint32_t number) {
  std::lock_guard lock(dictionary.mutex);
  return number < dictionary.names.size() ? dictionary.names[number] : std::string();
}

std::size_t ProductColumns::size(const Dictionary& dictionary) {
  std::lock_guard lock(dictionary.mutex);
  return dictionary.names.size();
}

ProductColumns::Chunk* ProductColumns::chunk_for_writing(Xapian::docid document) {
  const auto index = document >> kChunkBits;
  if (index >= kChunks) {
    throw platform::Error(platform::ErrorKind::internal, "index-full",
                          "more documents than the columns hold");
  }
  auto* chunk = chunks_[index].load(std::memory_order_acquire);
  if (chunk != nullptr) return chunk;
  std::lock_guard lock(growing_);
  chunk = chunks_[index].load(std::memory_order_acquire);
  if (chunk == nullptr) {
    chunk = new Chunk();
    chunks_[index].store(chunk, std::memory_order_release);
  }
  return chunk;
}

std::uint64_t ProductColumns::packed(const Row& row) {
  const auto popularity = static_cast<std::uint64_t>(
      std::clamp(std::lround(row.popularity * 1000.0F), 0L, long{kPopularityMaximum}));
  return (std::uint64_t{row.brand} & 0xFFFFFF) | (std::uint64_t{row.category} & 0xFFFFF) << 24 |
         (std::uint64_t{row.price_bucket} & 0xF) << 44 | popularity << 48 |
         std::uint64_t{row.in_stock} << 63;
}

ProductColumns::Row ProductColumns::unpacked(std::uint64_t word) {
  return {static_cast<std::uint32_t>(word & 0xFFFFFF),
          static_cast<std::uint32_t>(word >> 24 & 0xFFFFF),
          static_cast<std::uint32_t>(word >> 44 & 0xF),
          static_cast<float>(word >> 48 & kPopularityMaximum) / 1000.0F, (word >> 63) != 0};
}

void ProductColumns::update(Xapian::docid document, const std::function<void(Row&)>& change) {
  auto& word = (*chunk_for_writing(document))[document & (kChunk - 1)];
  auto row = unpacked(word.load(std::memory_order_relaxed));
  change(row);
  word.store(packed(row), std::memory_order_relaxed);
  raise_largest_popularity(row.popularity);
}

void ProductColumns::set(Xapian::docid document, const StoredEntry& entry) {
  Row row;
  if (entry.kind == StoredEntry::Kind::product) {
    const auto& product = entry.product;
    row.brand = number_of(brands_, product.brand);
    row.category = number_of(categories_, product.category_path);
    row.price_bucket =
        static_cast<std::uint32_t>(price_bucket_of(product.price.amount, default_price_edges()));
    row.popularity = static_cast<float>(
        std::log1p(static_cast<double>(std::max<std::int64_t>(product.popularity, 0))));
    row.in_stock = product.in_stock();
  }
  update(document, [&](Row& current) { current = row; });
}

void ProductColumns::raise_largest_popularity(float popularity) {
  float largest = largest_popularity_.load(std::memory_order_relaxed);
  while (popularity > largest && !largest_popularity_.compare_exchange_weak(
                                     largest, popularity, std::memory_order_relaxed)) {
  }
}

ProductColumns::Row ProductColumns::row(Xapian::docid document) const {
  const auto index = document >> kChunkBits;
  if (index >= kChunks) return {};
  const auto* chunk = chunks_[index].load(std::memory_order_acquire);
  if (chunk == nullptr) return {};
  return unpacked((*chunk)[document & (kChunk - 1)].load(std::memory_order_relaxed));
}

void ProductColumns::load(const Xapian::Database& database) {
  // Each value stream in document order: no document is read.
  const auto each_value = [&](Xapian::valueno slot, const auto& change) {
    for (auto value = database.valuestream_begin(slot); value != database.valuestream_end(slot);
         ++value) {
      update(value.get_docid(), [&](Row& row) { change(row, *value); });
    }
  };
  each_value(layout::brand,
             [&](Row& row, const std::string& value) { row.brand = number_of(brands_, value); });
  each_value(layout::category, [&](Row& row, const std::string& value) {
    row.category = number_of(categories_, value);
  });
  each_value(layout::price, [](Row& row, const std::string& value) {
    row.price_bucket = static_cast<std::uint32_t>(price_bucket_of(
        static_cast<std::int64_t>(Xapian::sortable_unserialise(value)), default_price_edges()));
  });
  each_value(layout::popularity_signal, [](Row& row, const std::string& value) {
    row.popularity = static_cast<float>(Xapian::sortable_unserialise(value));
  });
  const std::string in_stock(layout::kInStockTerm);
  for (auto posting = database.postlist_begin(in_stock); posting != database.postlist_end(in_stock);
       ++posting) {
    update(*posting, [](Row& row) { row.in_stock = true; });
  }
}

std::size_t ProductColumns::memory_bytes() const {
  std::size_t bytes = sizeof(*this);
  for (const auto& chunk : chunks_) {
    if (chunk.load() != nullptr) bytes += sizeof(Chunk);
  }
  return bytes;
}

}  // namespace search
