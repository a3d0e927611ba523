#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <vector>

#include "index/live_index.h"
#include "platform/error.h"

namespace search {

// Readers of the served index. A Xapian database handle is not
// thread-safe, so each search borrows one, brought up to the served view
// first: reopened at the newest revision, or opened on the new generation
// after a reindex switched.
class ReaderPool {
 public:
  explicit ReaderPool(const LiveIndex& index) : index_(index) {}

  // Runs work(database, columns, shared columns) on a fresh reader, with
  // the columns of its generation (shared for posting sources that keep them). A writer that
  // committed twice while the search ran can pull the blocks it read away (DatabaseModifiedError);
  // the search then runs again, reopened.
  template <class Work>
  auto run(Work&& work) {
    auto reader = acquire();
    try {
      for (int attempt = 1;; ++attempt) {
        try {
          auto result = work(reader->database, *reader->columns, reader->columns);
          release(std::move(reader));
          return result;
        } catch (const Xapian::DatabaseModifiedError&) {
          // A burst of commits outran the reader every time: try later.
          if (attempt == kAttempts) {
            throw platform::unavailable("index-busy", "the index changed too fast to read");
          }
          reader->database.reopen();
        }
      }
    } catch (const Xapian::Error& error) {
      throw platform::Error(platform::ErrorKind::internal, "index-failed",
                            "search failed: " + error.get_description());
    }
  }

 private:
  static constexpr int kAttempts = 5;

  struct Reader {
    Xapian::Database database;
    std::uint64_t generation = 0;
    std::uint64_t revision = 0;
    std::shared_ptr<const ProductColumns> columns;
  };

  std::unique_ptr<Reader> acquire();
  void release(std::unique_ptr<Reader> reader);

  const LiveIndex& index_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> idle_;
};

}  // namespace search
