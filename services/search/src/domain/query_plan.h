#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/lexicon.h"
#include "domain/synonyms.h"

namespace search {

// One way for a product to match part of a query, in stems (the index
// holds every word of a product as its stem, with positions).
struct Form {
  enum class Kind {
    stem,    // the one stem
    phrase,  // the stems in this order, side by side
    all_of,  // every stem, anywhere
    prefix,  // any stem starting with the one given (a word still being typed)
  };
  Kind kind = Kind::stem;
  std::vector<std::string> stems;
  double weight = 1.0;  // relative to the words as typed
  bool operator==(const Form&) const = default;
};

// What one or more neighbouring words of the query ask for: a product
// matches the clause through any of its forms.
struct Clause {
  std::string text;  // the words it stands for, as analysed: "otter box"
  std::vector<Form> forms;
  bool quoted = false;
};

struct Correction {
  std::string typed;
  std::string corrected;
};

// A query as the index is asked it: every clause must match (the index may
// relax that when nothing does).
struct QueryPlan {
  std::vector<Clause> clauses;
  std::vector<Correction> corrections;
  // The query with its corrections, for "did you mean"; empty without any.
  std::string corrected_text;
  bool empty() const noexcept { return clauses.empty(); }
};

struct PlanOptions {
  // The last word may be a word still being typed ("iph" finds "iphone"),
  // unless the query ends in a space or a quote.
  bool prefix_last_word = true;
  std::size_t prefix_min_length = 2;
  // A last word that products use as it stands ("lamp") is taken as
  // finished, unless this is set (suggestions complete "desk" to "desktop");
  // words of fewer than 4 letters are always taken as unfinished.
  bool prefix_known_words = false;
  double synonym_weight = 0.8;
  double prefix_weight = 0.6;
  // Of the nearest words of an unknown word, how many to search for (0: no
  // typo correction).
  std::size_t corrections_per_word = 3;
  // Words the products spell as one ("otter box") or as two ("iphone7").
  bool join_and_split_words = true;
  // A word so rare in the products ("lightening", a typo in one
  // description) also stands for a near word that many more use
  // ("lightning"): at most this many products use it...
  std::uint32_t rare_word_products = 3;
  // ...and the near word at least this many times as many.
  std::uint32_t common_word_ratio = 20;
};

// Reads a shopper's query: "quoted phrases" match as phrases; other words
// lose stopwords, match by stem, meet their synonyms, are joined with the
// next word when the products spell them as one ("otter box"), split when
// they spell them as two ("iphone7"), and are corrected when no product
// uses them ("samsnug"), within typo_budget edits.
QueryPlan plan_query(std::string_view text, const Lexicon& lexicon, const Synonyms& synonyms,
                     const PlanOptions& options = {});

}  // namespace search
