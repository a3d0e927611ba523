#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/query_plan.h"

namespace search {

// The words of a query a text is highlighted with: stems, and prefixes of
// stems (the word being typed).
class Highlighter {
 public:
  explicit Highlighter(const QueryPlan& plan);

  // `text` as HTML (escaped) with every word that matches in <mark>.
  std::string whole(std::string_view text) const;
  // A passage of about `length` bytes around the first words that match,
  // "…" where it cuts the text; empty when no word matches.
  std::string passage(std::string_view text, std::size_t length) const;

 private:
  bool matches(const std::string& word) const;
  std::string marked(std::string_view text, std::size_t from, std::size_t to,
                     const std::vector<std::pair<std::size_t, std::size_t>>& spans) const;

  std::vector<std::string> stems_;
  std::vector<std::string> prefixes_;
};

}  // namespace search
