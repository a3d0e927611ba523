#include "index/index_writer.h"

#include <xapian.h>

#include "platform/error.h"

namespace search {
namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  try {
    // No fsync: the index is derived data. A machine crash may lose it, and
    // a reindex from the catalog rebuilds it (ADR 15); a process crash loses
    // nothing committed.
    return Xapian::WritableDatabase(directory.string(),
                                    Xapian::DB_CREATE_OR_OPEN | Xapian::DB_NO_SYNC);
  } catch (const Xapian::DatabaseLockError& error) {
    throw platform::Error(
        platform::ErrorKind::unavailable, "index-locked",
        "another process writes the index in " + directory.string() + ": " + error.get_msg());
  } catch (const Xapian::Error& error) {
    // Xapian's errors are no std::exception: made one, so that callers'
    // handlers see it (a full disk, a corrupt folder).
    throw platform::Error(
        platform::ErrorKind::unavailable, "index-unavailable",
        "cannot open the index in " + directory.string() + ": " + error.get_description());
  }
}

}  // namespace

IndexWriter::~IndexWriter() {
  try {
    database_.close();
  } catch (const Xapian::Error&) {
    // Uncommitted changes are dropped, as they would be by a crash.
  }
}

template <class Work>
auto IndexWriter::guarded(const char* what, Work&& work) {
  std::lock_guard lock(mutex_);
  try {
    return work();
  } catch (const Xapian::Error& error) {
    throw platform::Error(
        platform::ErrorKind::internal, "index-failed",
        std::string(what) + " failed in " + directory_.string() + ": " + error.get_description());
  }
}

IndexWriter::IndexWriter(std::filesystem::path directory, FieldWeights weights)
    : directory_(std::move(directory)), weights_(weights), database_(open_writable(directory_)) {
  guarded("loading the columns", [&] { columns_->load(database_); });
}

StoredEntry IndexWriter::stored(const std::string& product_id) {
  const auto term = layout::id_term(product_id);
  const auto posting = database_.postlist_begin(term);
  if (posting == database_.postlist_end(term)) return {};
  return entry_of(database_.get_document(*posting));
}

bool IndexWriter::write(const EntryChange& change) {
  if (!change.changed) return false;
  const auto& id = change.entry.product.id;
  const auto document =
      database_.replace_document(layout::id_term(id), document_of(change.entry, weights_));
  columns_->set(document, change.entry);
  uncommitted_ = true;
  return true;
}

bool IndexWriter::upsert(const IndexedProduct& product) {
  return guarded("upsert", [&] { return write(apply_upsert(stored(product.id), product)); });
}

bool IndexWriter::set_stock(const std::string& product_id, const StockLevel& stock) {
  return guarded("stock change",
                 [&] { return write(apply_stock(stored(product_id), product_id, stock)); });
}

bool IndexWriter::remove(const std::string& product_id) {
  return guarded("removal", [&] { return write(apply_removal(stored(product_id), product_id)); });
}

void IndexWriter::commit() {
  guarded("commit", [&] {
    database_.commit();
    uncommitted_ = false;
  });
}

bool IndexWriter::uncommitted() {
  std::lock_guard lock(mutex_);
  return uncommitted_;
}

std::vector<std::string> IndexWriter::removed_ids() {
  return guarded("listing removals", [&] {
    std::vector<std::string> ids;
    const auto term = layout::kind_term(StoredEntry::Kind::removed);
    for (auto posting = database_.postlist_begin(term); posting != database_.postlist_end(term);
         ++posting) {
      ids.push_back(entry_of(database_.get_document(*posting)).product.id);
    }
    return ids;
  });
}

Xapian::doccount IndexWriter::document_count() {
  return guarded("counting", [&] { return database_.get_doccount(); });
}

Xapian::doccount IndexWriter::product_count() {
  return guarded("counting", [&] {
    return database_.get_termfreq(layout::kind_term(StoredEntry::Kind::product));
  });
}

}  // namespace search
