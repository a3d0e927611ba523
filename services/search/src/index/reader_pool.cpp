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
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(reader));
}

}  // namespace search
