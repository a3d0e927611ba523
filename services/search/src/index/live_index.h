#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "index/index_directory.h"
#include "index/index_writer.h"

namespace search {

// The index a replica serves, and the one a reindex is building beside it.
// Catalog changes go to both (committed at once in the served one, so an
// event is acknowledged only once it is durable), which is what lets a
// reindex read the catalog page by page while products keep changing: the
// version rules sort out which figure is newer.
class LiveIndex {
 public:
  // Opens the current generation, or makes an empty first one. Folders left
  // by a reindex that never finished are deleted. `changed` runs after every
  // commit and switch that readers will see (the answer cache empties).
  LiveIndex(IndexDirectory& directory, FieldWeights weights, std::function<void()> changed = {});
  ~LiveIndex();
  LiveIndex(const LiveIndex&) = delete;
  LiveIndex& operator=(const LiveIndex&) = delete;

  bool upsert(const IndexedProduct& product);
  bool set_stock(const std::string& product_id, const StockLevel& stock);
  bool remove(const std::string& product_id);

  // What readers should be looking at: the served generation's folder and
  // a revision that moves with every commit and every switch.
  struct View {
    std::uint64_t generation = 0;
    std::filesystem::path path;
    std::uint64_t revision = 0;
    std::shared_ptr<const ProductColumns> columns;
  };
  View view() const;
  std::uint64_t revision() const noexcept { return revision_.load(std::memory_order_acquire); }

  // Whether the served index holds nothing at all: a new replica, which
  // needs a snapshot of the catalog besides the event stream.
  bool empty();
  Xapian::doccount product_count();

  // A reindex: a new generation that receives every change from now on.
  // Throws platform::Error(conflict) while another one runs.
  std::shared_ptr<IndexWriter> begin_rebuild();
  // Carries the served index's removals into the built one, commits it and
  // serves it. The old generation is deleted once no search can still be
  // reading it (collect_retired). Throws platform::Error(conflict) when
  // `built` is no longer the rebuild under way (a live change failed in it).
  void finish_rebuild(const IndexWriter& built);
  void abandon_rebuild(const IndexWriter& built);
  bool rebuilding() const;

  // Deletes generations retired longer ago than `grace`.
  void collect_retired(std::chrono::steady_clock::duration grace);

  IndexDirectory& directory() noexcept { return directory_; }

 private:
  template <class Change>
  bool apply(Change&& change);

  IndexDirectory& directory_;
  FieldWeights weights_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::shared_ptr<IndexWriter> served_;
  std::uint64_t building_generation_ = 0;
  std::shared_ptr<IndexWriter> building_;
  struct Retired {
    std::uint64_t generation;
    std::chrono::steady_clock::time_point at;
  };
  std::vector<Retired> retired_;
  std::atomic<std::uint64_t> revision_{1};
  std::function<void()> changed_;
};

}  // namespace search
