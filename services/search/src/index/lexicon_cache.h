#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "domain/lexicon.h"
#include "index/live_index.h"
#include "index/reader_pool.h"

namespace search {

// The lexicon of the served index, rebuilt when the index has moved on
// (refresh is called on a timer and after a reindex): building one for
// tens of thousands of words takes a good part of a second, so searches
// share the last one built instead of waiting for a new one.
class LexiconCache {
 public:
  LexiconCache(const LiveIndex& index, ReaderPool& readers);

  std::shared_ptr<const Lexicon> current() const;
  // Rebuilds from the index when it changed since the last build; returns
  // whether it did.
  bool refresh();

 private:
  const LiveIndex& index_;
  ReaderPool& readers_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::uint64_t built_at_revision_ = 0;
  std::mutex refreshing_;  // one build at a time
};

}  // namespace search
