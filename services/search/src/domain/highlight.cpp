#include "domain/highlight.h"

#include <algorithm>

#include "domain/text_analysis.h"
#include "platform/html_text.h"

namespace search {
namespace {

// Whether a word may stem to `stem` at all: a stem keeps the word's first
// letters (Porter2 changes endings), so most words are refused without
// stemming them.
bool may_stem_to(const std::string& word, const std::string& stem_text) {
  const auto kept = std::min<std::size_t>(3, stem_text.size() > 1 ? stem_text.size() - 1 : 1);
  return word.compare(0, kept, stem_text, 0, kept) == 0;
}

}  // namespace

Highlighter::Highlighter(const QueryPlan& plan) {
  for (const auto& clause : plan.clauses) {
    for (const auto& form : clause.forms) {
      auto& into = form.kind == Form::Kind::prefix ? prefixes_ : stems_;
      into.insert(into.end(), form.stems.begin(), form.stems.end());
    }
  }
}

bool Highlighter::matches(const std::string& word) const {
  std::string word_stem;
  const auto stemmed = [&]() -> const std::string& {
    if (word_stem.empty()) word_stem = stem(word);
    return word_stem;
  };
  for (const auto& candidate : stems_) {
    if (may_stem_to(word, candidate) && stemmed() == candidate) return true;
  }
  for (const auto& prefix : prefixes_) {
    if (may_stem_to(word, prefix) && stemmed().starts_with(prefix)) return true;
  }
  return false;
}

std::string Highlighter::marked(
    std::string_view text, std::size_t from, std::size_t to,
    const std::vector<std::pair<std::size_t, std::size_t>>& spans) const {
  std::string out;
  std::size_t at = from;
  for (const auto& [begin, end] : spans) {
    if (begin < from || end > to) continue;
    platform::append_escaped_html(out, text.substr(at, begin - at));
    out += "<mark>";
    platform::append_escaped_html(out, text.substr(begin, end - begin));
    out += "</mark>";
    at = end;
  }
  platform::append_escaped_html(out, text.substr(at, to - at));
  return out;
}

std::string Highlighter::whole(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const auto& token : tokenize(text)) {
    if (matches(token.word)) spans.emplace_back(token.begin, token.end);
  }
  return marked(text, 0, text.size(), spans);
}

std::string Highlighter::passage(std::string_view text, std::size_t length) const {
  const auto tokens = tokenize(text);
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const auto& token : tokens) {
    if (matches(token.word)) spans.emplace_back(token.begin, token.end);
  }
  if (spans.empty()) return {};
  // From a few words before the first match, at a word's start...
  std::size_t from = 0;
  for (const auto& token : tokens) {
    if (token.begin + length / 4 > spans.front().first) break;
    from = token.begin;
  }
  if (from == tokens.front().begin) from = 0;
  // ...to the last word that fits.
  std::size_t to = text.size();
  if (to - from > length) {
    to = from;
    for (const auto& token : tokens) {
      if (token.begin < from) continue;
      if (token.end - from > length) break;
      to = token.end;
    }
  }
  std::string out = from > 0 ? "…" : "";
  out += marked(text, from, to, spans);
  if (to < text.size()) out += "…";
  return out;
}

}  // namespace search
