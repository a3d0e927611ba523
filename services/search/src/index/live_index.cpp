#include "index/live_index.h"

#include "platform/error.h"
#include "platform/log.h"

namespace search {

LiveIndex::LiveIndex(IndexDirectory& directory, FieldWeights weights, std::function<void()> changed)
    : directory_(directory), weights_(weights), changed_(std::move(changed)) {
  std::optional<std::uint64_t> current;
  try {
    current = directory_.current();
  } catch (const platform::Error& error) {
    // CURRENT names no generation: start afresh, as with no index at all.
    platform::log::error("the index's CURRENT is unusable: starting an empty one",
                         {{"error", error.what()}});
  }
  if (!current) {
    current = directory_.next_generation();
    std::filesystem::create_directories(directory_.path_of(*current));
    served_ = std::make_shared<IndexWriter>(directory_.path_of(*current), weights_);
    served_->commit();
    directory_.make_current(*current);
  } else {
    try {
      served_ = std::make_shared<IndexWriter>(directory_.path_of(*current), weights_);
    } catch (const platform::Error& error) {
      if (error.code() == "index-locked") throw;
      // A generation that cannot be opened (a machine crash under no-sync
      // writes) is replaced by an empty one: the replica then rebuilds it
      // from the catalog.
      platform::log::error(
          "the index cannot be opened: starting an empty one",
          {{"generation", static_cast<std::int64_t>(*current)}, {"error", error.what()}});
      current = directory_.next_generation();
      served_ = std::make_shared<IndexWriter>(directory_.path_of(*current), weights_);
      served_->commit();
      directory_.make_current(*current);
    }
  }
  generation_ = *current;
  for (const auto generation : directory_.generations()) {
    if (generation != generation_) directory_.remove(generation);
  }
}

LiveIndex::~LiveIndex() = default;

template <class Change>
bool LiveIndex::apply(Change&& change) {
  std::lock_guard lock(mutex_);
  const bool changed = change(*served_);
  if (changed || served_->uncommitted()) {
    served_->commit();
    revision_.fetch_add(1, std::memory_order_acq_rel);
    if (changed_) changed_();
  }
  if (building_) {
    try {
      change(*building_);
    } catch (const std::exception& error) {
      // The served index has the change; a reindex missing it would serve
      // stale data, so it is given up (and may be started again).
      platform::log::error("reindex abandoned: a live change failed in it",
                           {{"error", error.what()}});
      retired_.push_back({building_generation_, std::chrono::steady_clock::now()});
      building_.reset();
    }
  }
  return changed;
}

bool LiveIndex::upsert(const IndexedProduct& product) {
  return apply([&](IndexWriter& writer) { return writer.upsert(product); });
}

bool LiveIndex::set_stock(const std::string& product_id, const StockLevel& stock) {
  return apply([&](IndexWriter& writer) { return writer.set_stock(product_id, stock); });
}

bool LiveIndex::remove(const std::string& product_id) {
  return apply([&](IndexWriter& writer) { return writer.remove(product_id); });
}

LiveIndex::View LiveIndex::view() const {
  std::lock_guard lock(mutex_);
  return {generation_, served_->directory(), revision(), served_->columns()};
}

bool LiveIndex::empty() {
  std::shared_ptr<IndexWriter> served;
  {
    std::lock_guard lock(mutex_);
    served = served_;
  }
  return served->document_count() == 0;
}

Xapian::doccount LiveIndex::product_count() {
  std::shared_ptr<IndexWriter> served;
  {
    std::lock_guard lock(mutex_);
    served = served_;
  }
  return served->product_count();
}

std::shared_ptr<IndexWriter> LiveIndex::begin_rebuild() {
  std::lock_guard lock(mutex_);
  if (building_) throw platform::conflict("reindex-running", "a reindex is already running");
  building_generation_ = directory_.next_generation();
  building_ = std::make_shared<IndexWriter>(directory_.path_of(building_generation_), weights_);
  return building_;
}

void LiveIndex::finish_rebuild(const IndexWriter& built) {
  std::lock_guard lock(mutex_);
  if (building_.get() != &built) {
    throw platform::conflict("reindex-abandoned", "the reindex was abandoned");
  }
  for (const auto& id : served_->removed_ids()) building_->remove(id);
  building_->commit();
  directory_.make_current(building_generation_);
  retired_.push_back({generation_, std::chrono::steady_clock::now()});
  served_ = std::move(building_);
  generation_ = building_generation_;
  building_.reset();
  revision_.fetch_add(1, std::memory_order_acq_rel);
  if (changed_) changed_();
}

void LiveIndex::abandon_rebuild(const IndexWriter& built) {
  std::lock_guard lock(mutex_);
  if (building_.get() != &built) return;
  building_.reset();
  retired_.push_back({building_generation_, std::chrono::steady_clock::now()});
}

bool LiveIndex::rebuilding() const {
  std::lock_guard lock(mutex_);
  return building_ != nullptr;
}

void LiveIndex::collect_retired(std::chrono::steady_clock::duration grace) {
  std::vector<std::uint64_t> due;
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    std::erase_if(retired_, [&](const Retired& retired) {
      if (now - retired.at < grace) return false;
      due.push_back(retired.generation);
      return true;
    });
  }
  for (const auto generation : due) {
    try {
      directory_.remove(generation);
    } catch (const std::exception& error) {
      platform::log::warn(
          "retired index generation not deleted",
          {{"generation", static_cast<std::int64_t>(generation)}, {"error", error.what()}});
    }
  }
}

}  // namespace search
