#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace search {

// How text becomes words, the same for products and for queries (a query
// word matches when it is analysed into the same word): lower case, Latin
// accents folded ("Café" and "cafe" meet), split at anything that is not a
// letter or digit, with the joins a shop's text needs:
// - an apostrophe inside a word goes ("women's" -> "womens");
// - "&" between letters or digits joins ("AT&T" -> "att");
// - a decimal point between digits stays ("4.5" inch screens);
// - a thousands separator goes ("10,000 mAh" -> "10000 mah");
// - a "+" ending a word is the word "plus" ("Galaxy S8+" -> "galaxy s8 plus").
// Words longer than kMaxWordBytes are cut to that length (Xapian's terms
// have a limit; nobody types more).
std::vector<std::string> analyse(std::string_view text);

// The same words with where each stands in `text` (bytes [begin, end)),
// for highlighting them.
struct Token {
  std::string word;
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<Token> tokenize(std::string_view text);

inline constexpr std::size_t kMaxWordBytes = 64;

// The word's stem (English, Porter2): "cases" and "case" are one stem, so
// plurals and other inflections match.
std::string stem(const std::string& word);

// Words that carry no meaning in a shopper's query ("case for iphone"):
// dropped from the words a product must contain.
bool is_stopword(std::string_view word);

// Whether the word has a digit: model numbers ("s8", "128gb") are never
// corrected as typos, since a near model is another product.
bool has_digit(std::string_view word);

// The longest common prefix of a word and its stem: what as-you-type
// prefix matching of a word still being typed looks for among the stems
// ("batter" for "batter", "iphon" for "iphone").
std::string prefix_stem(const std::string& word);

}  // namespace search
