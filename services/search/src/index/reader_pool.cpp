#include "index/reader_pool.h"

namespace search {

std::unique_ptr<ReaderPool::Reader> ReaderPool::acquire() {
  std::unique_ptr<Reader> reader;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      reader = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  const auto view = index_.view();
  try {
    if (!reader || reader->generation != view.generation) {
      reader = std::make_unique<Reader>(Reader{Xapian::Database(view.path.string()),
                                               view.generation, view.revision, view.columns});
    } else if (reader->revision != view.revision) {
      reader->database.reopen();
      reader->revision = view.revision;
    }
  } catch (const Xapian::Error& error) {
    throw platform::Error(platform::ErrorKind::unavailable, "index-unavailable",
                          "cannot open the index: " + error.get_description());
  }
  return reader;
}

void ReaderPool::release(std::unique_ptr<Reader> reader) {
  // Readers of a generation no longer served are closed, not kept: each
  // would hold that generation's files open after they are deleted.
  const auto generation = index_.view().generation;
  std::lock_guard lock(mutex_);
  std::erase_if(
      idle_, [&](const std::unique_ptr<Reader>& idle) { return idle->generation != generation; });
  if (reader->generation == generation) idle_.push_back(std::move(reader));
}

}  // namespace search
