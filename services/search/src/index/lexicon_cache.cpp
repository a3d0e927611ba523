#include "index/lexicon_cache.h"

#include "index/document_layout.h"

namespace search {

LexiconCache::LexiconCache(const LiveIndex& index, ReaderPool& readers)
    : index_(index), readers_(readers), lexicon_(std::make_shared<const Lexicon>()) {
  refresh();
}

std::shared_ptr<const Lexicon> LexiconCache::current() const {
  std::lock_guard lock(mutex_);
  return lexicon_;
}

bool LexiconCache::refresh() {
  std::lock_guard refreshing(refreshing_);
  const auto revision = index_.revision();
  {
    std::lock_guard lock(mutex_);
    if (revision == built_at_revision_) return false;
  }
  auto words = readers_.run([](Xapian::Database& database, const ProductColumns&,
                               const std::shared_ptr<const ProductColumns>&) {
    std::vector<Lexicon::Word> found;
    const std::string prefix(layout::kWordPrefix);
    for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix);
         ++term) {
      found.push_back({(*term).substr(prefix.size()), term.get_termfreq()});
    }
    return found;
  });
  auto lexicon = std::make_shared<const Lexicon>(std::move(words));
  std::lock_guard lock(mutex_);
  lexicon_ = std::move(lexicon);
  built_at_revision_ = revision;
  return true;
}

}  // namespace search
