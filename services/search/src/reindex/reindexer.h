#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "index/live_index.h"
#include "reindex/product_source.h"

namespace search {

struct ReindexStatus {
  enum class State { never, running, succeeded, failed };
  State state = State::never;
  std::int64_t started_at = 0;   // Unix milliseconds
  std::int64_t finished_at = 0;  // Unix milliseconds, once finished
  std::uint64_t products = 0;    // read from the source so far
  std::uint64_t generation = 0;  // the generation it built
  std::string error;             // why it failed
};

std::string_view to_string(ReindexStatus::State state);

// Rebuilds the index from the catalog without a pause in service: the next
// generation is built beside the served one (which keeps answering and
// taking events, and hands every event to the new one too), then served in
// its place at once.
class Reindexer {
 public:
  // `switched` runs after a new generation is served (the lexicon is then
  // rebuilt from it).
  Reindexer(LiveIndex& index, ProductSource& source, std::function<void()> switched);
  ~Reindexer();  // stops a reindex under way, which is then abandoned
  Reindexer(const Reindexer&) = delete;
  Reindexer& operator=(const Reindexer&) = delete;

  // Starts a reindex on a thread of its own. Throws platform::Error(conflict)
  // while one runs.
  void start();
  // Runs one on the calling thread; throws what made it fail.
  void run();
  ReindexStatus status() const;

 private:
  void rebuild();
  void update(const std::function<void(ReindexStatus&)>& change);

  LiveIndex& index_;
  ProductSource& source_;
  std::function<void()> switched_;
  mutable std::mutex mutex_;
  ReindexStatus status_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace search
