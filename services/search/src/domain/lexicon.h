#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace search {

// The words of the indexed products, each with the number of products that
// use it: what typo correction and as-you-type completion choose from.
// Immutable once built, so every searching thread shares one; the index
// builds a new one as products change.
//
// Near words are found through deletions (the SymSpell idea): two words
// within d edits of each other always share a variant made by deleting at
// most d letters from each, so the variants of every word are kept, hashed
// and sorted, and a query word's own variants are looked up among them.
// Candidates are then checked with the real edit distance.
class Lexicon {
 public:
  struct Word {
    std::string text;
    std::uint32_t frequency = 0;  // products using it
  };

  Lexicon() = default;
  // Words may repeat (their frequencies add up) and come in any order.
  explicit Lexicon(std::vector<Word> words);

  std::uint32_t frequency(std::string_view word) const;
  // Whether some word has this stem: "protectors" is known when "protector" is.
  bool knows_stem(std::string_view stem) const;
  std::size_t size() const noexcept { return words_.size(); }

  // Words at most `max_edits` edits from `word` (never the word itself),
  // nearest first, then most frequent; at most `limit`.
  struct Near {
    const Word* word;
    int edits;
  };
  std::vector<Near> near(std::string_view word, int max_edits, std::size_t limit) const;

  // Words that start with `prefix` (the prefix itself too), most frequent
  // first; at most `limit`.
  std::vector<const Word*> completions(std::string_view prefix, std::size_t limit) const;

  // Bytes held, for the memory figures of the benchmark.
  std::size_t memory_bytes() const noexcept;

 private:
  std::vector<Word> words_;         // sorted by text, unique
  std::vector<std::string> stems_;  // sorted, unique
  // (hash of a deletion variant, index of the word it came from), sorted.
  std::vector<std::uint64_t> variant_hashes_;
  std::vector<std::uint32_t> variant_words_;
};

// How many letters are deleted from a word of `length` bytes to make the
// variants near() compares: enough for every query word that typo_budget
// lets reach it.
int deletions_indexed(std::size_t length);

}  // namespace search
