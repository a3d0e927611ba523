#include "domain/text_analysis.h"

#include <xapian.h>

#include <algorithm>
#include <array>

namespace search {
namespace {

// The ASCII letter a Latin letter with a diacritic folds to, for the
// Latin-1 Supplement (U+00C0..U+00FF) lower-cased; 0 keeps the character.
unsigned folded_latin1(unsigned lower) {
  // à á â ã ä å æ ç è é ê ë ì í î ï ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
  static constexpr char kFolds[] = "aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y";
  static_assert(sizeof kFolds == 0x100 - 0xE0 + 1);
  if (lower < 0xE0 || lower > 0xFF) return 0;
  const char folded = kFolds[lower - 0xE0];
  return folded == '\0' ? 0 : static_cast<unsigned>(folded);
}

void append_folded(std::string& word, unsigned character) {
  const unsigned lower = Xapian::Unicode::tolower(character);
  if (lower < 0x80) {
    word.push_back(static_cast<char>(lower));
  } else if (lower == 0xDF) {
    word += "ss";  // ß
  } else if (const unsigned folded = folded_latin1(lower); folded != 0) {
    word.push_back(static_cast<char>(folded));
  } else {
    Xapian::Unicode::append_utf8(word, lower);
  }
}

bool is_digit(unsigned character) { return character >= '0' && character <= '9'; }
bool is_apostrophe(unsigned character) { return character == '\'' || character == 0x2019; }

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  // Characters with the byte offset each starts at.
  std::vector<unsigned> characters;
  std::vector<std::size_t> offsets;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    characters.push_back(*it);
    offsets.push_back(static_cast<std::size_t>(it.raw() - text.data()));
  }
  offsets.push_back(text.size());
  std::vector<Token> tokens;
  Token token;
  bool in_word = false;
  auto finish_word = [&](std::size_t end) {
    auto& word = token.word;
    if (word.size() > kMaxWordBytes) {
      // Cut at a character boundary: never half a UTF-8 sequence.
      std::size_t cut = kMaxWordBytes;
      while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;
      word.resize(cut);
    }
    if (in_word && !word.empty()) {
      token.end = end;
      tokens.push_back(token);
    }
    token = Token{};
    in_word = false;
  };
  const auto at = [&](std::size_t index) -> unsigned {
    return index < characters.size() ? characters[index] : 0;
  };
  for (std::size_t i = 0; i < characters.size(); ++i) {
    const unsigned character = characters[i];
    if (Xapian::Unicode::is_wordchar(character) && character != '_') {
      if (!in_word) {
        token.begin = offsets[i];
        in_word = true;
      }
      append_folded(token.word, character);
      continue;
    }
    const bool inside_word = in_word && Xapian::Unicode::is_wordchar(at(i + 1));
    if (inside_word && (is_apostrophe(character) || character == '&')) continue;
    if (inside_word && character == '.' && is_digit(at(i - 1)) && is_digit(at(i + 1))) {
      token.word.push_back('.');
      continue;
    }
    // A thousands separator: "10,000 mAh" is 10000.
    if (inside_word && character == ',' && is_digit(at(i - 1)) && is_digit(at(i + 1)) &&
        is_digit(at(i + 2)) && is_digit(at(i + 3)) && !is_digit(at(i + 4))) {
      continue;
    }
    if (character == '+' && in_word && !Xapian::Unicode::is_wordchar(at(i + 1))) {
      finish_word(offsets[i]);
      tokens.push_back({"plus", offsets[i], offsets[i + 1]});
      continue;
    }
    finish_word(offsets[i]);
  }
  finish_word(text.size());
  return tokens;
}

std::vector<std::string> analyse(std::string_view text) {
  std::vector<std::string> words;
  for (auto& token : tokenize(text)) words.push_back(std::move(token.word));
  return words;
}

std::string stem(const std::string& word) {
  // A stemmer keeps state between calls: one per thread.
  thread_local Xapian::Stem stemmer("english");
  return stemmer(word);
}

bool is_stopword(std::string_view word) {
  static constexpr std::array<std::string_view, 33> kStopwords = {
      "a",   "an",   "and", "any",  "are", "as",   "at",   "be",    "by",   "for",  "from",
      "has", "have", "how", "i",    "in",  "is",   "it",   "its",   "my",   "of",   "on",
      "or",  "that", "the", "this", "to",  "what", "when", "which", "will", "with", "your"};
  return std::binary_search(kStopwords.begin(), kStopwords.end(), word);
}

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string prefix_stem(const std::string& word) {
  const auto stemmed = stem(word);
  const auto [word_end, stem_end] =
      std::mismatch(word.begin(), word.end(), stemmed.begin(), stemmed.end());
  return std::string(word.begin(), word_end);
}

}  // namespace search
