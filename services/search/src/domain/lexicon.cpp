#include "domain/lexicon.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <unordered_set>

#include "domain/edit_distance.h"
#include "domain/text_analysis.h"

namespace search {
namespace {

// Every distinct string made by deleting 1..max_deletions bytes of `word`.
void deletion_variants(const std::string& word, int max_deletions,
                       std::unordered_set<std::string>& variants) {
  if (max_deletions == 0 || word.size() <= 1) return;
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::string variant = word;
    variant.erase(i, 1);
    if (variants.insert(variant).second) deletion_variants(variant, max_deletions - 1, variants);
  }
}

std::uint64_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

int deletions_indexed(std::size_t length) {
  // A query word of length q is corrected within typo_budget(q) edits, so
  // it differs in length by at most that: words from 6 letters can be two
  // edits from a query word of 8 or more, words of 3 to 5 one edit from
  // one of 4 to 7, shorter ones from none.
  if (length >= 6) return 2;
  if (length >= 3) return 1;
  return 0;
}

Lexicon::Lexicon(std::vector<Word> words) {
  std::sort(words.begin(), words.end(),
            [](const Word& a, const Word& b) { return a.text < b.text; });
  for (auto& word : words) {
    if (!words_.empty() && words_.back().text == word.text) {
      words_.back().frequency += word.frequency;
    } else {
      words_.push_back(std::move(word));
    }
  }
  stems_.reserve(words_.size());
  for (const auto& word : words_) stems_.push_back(stem(word.text));
  std::sort(stems_.begin(), stems_.end());
  stems_.erase(std::unique(stems_.begin(), stems_.end()), stems_.end());
  std::vector<std::pair<std::uint64_t, std::uint32_t>> variants;
  std::unordered_set<std::string> seen;
  for (std::uint32_t index = 0; index < words_.size(); ++index) {
    const auto& text = words_[index].text;
    seen.clear();
    seen.insert(text);
    deletion_variants(text, deletions_indexed(text.size()), seen);
    for (const auto& variant : seen) variants.emplace_back(hash_of(variant), index);
  }
  std::sort(variants.begin(), variants.end());
  variant_hashes_.reserve(variants.size());
  variant_words_.reserve(variants.size());
  for (const auto& [hash, index] : variants) {
    variant_hashes_.push_back(hash);
    variant_words_.push_back(index);
  }
}

std::uint32_t Lexicon::frequency(std::string_view word) const {
  const auto found = std::lower_bound(words_.begin(), words_.end(), word,
                                      [](const Word& a, std::string_view b) { return a.text < b; });
  return found != words_.end() && found->text == word ? found->frequency : 0;
}

bool Lexicon::knows_stem(std::string_view stem_text) const {
  return std::binary_search(stems_.begin(), stems_.end(), stem_text);
}

std::vector<Lexicon::Near> Lexicon::near(std::string_view word, int max_edits,
                                         std::size_t limit) const {
  std::unordered_set<std::string> variants{std::string(word)};
  deletion_variants(std::string(word), max_edits, variants);
  std::vector<std::uint32_t> candidates;
  for (const auto& variant : variants) {
    const auto hash = hash_of(variant);
    auto at = std::lower_bound(variant_hashes_.begin(), variant_hashes_.end(), hash);
    for (; at != variant_hashes_.end() && *at == hash; ++at) {
      candidates.push_back(variant_words_[static_cast<std::size_t>(at - variant_hashes_.begin())]);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<Near> found;
  for (const auto index : candidates) {
    const auto& candidate = words_[index];
    if (candidate.text == word) continue;
    const int edits = edit_distance(word, candidate.text, max_edits);
    if (edits <= max_edits) found.push_back({&candidate, edits});
  }
  std::sort(found.begin(), found.end(), [](const Near& a, const Near& b) {
    if (a.edits != b.edits) return a.edits < b.edits;
    if (a.word->frequency != b.word->frequency) return a.word->frequency > b.word->frequency;
    return a.word->text < b.word->text;
  });
  if (found.size() > limit) found.resize(limit);
  return found;
}

std::vector<const Lexicon::Word*> Lexicon::completions(std::string_view prefix,
                                                       std::size_t limit) const {
  auto at = std::lower_bound(words_.begin(), words_.end(), prefix,
                             [](const Word& a, std::string_view b) { return a.text < b; });
  std::vector<const Word*> found;
  for (; at != words_.end() && std::string_view(at->text).starts_with(prefix); ++at) {
    found.push_back(&*at);
  }
  const auto by_frequency = [](const Word* a, const Word* b) {
    if (a->frequency != b->frequency) return a->frequency > b->frequency;
    return a->text < b->text;
  };
  const auto kept = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept), found.end(),
                    by_frequency);
  found.resize(kept);
  return found;
}

std::size_t Lexicon::memory_bytes() const noexcept {
  std::size_t bytes = words_.capacity() * sizeof(Word) + stems_.capacity() * sizeof(std::string) +
                      variant_hashes_.capacity() * sizeof(std::uint64_t) +
                      variant_words_.capacity() * sizeof(std::uint32_t);
  for (const auto& word : words_) bytes += word.text.capacity() > 15 ? word.text.capacity() : 0;
  return bytes;
}

}  // namespace search
