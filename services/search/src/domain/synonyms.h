#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace search {

// Words and phrases a shopper uses for the same thing ("cell phone",
// "mobile phone", "smartphone"), from configuration. Matched on stems, so
// "cell phones" meets the group of "cell phone".
class Synonyms {
 public:
  using Stems = std::vector<std::string>;

  Synonyms() = default;
  // Each group is a list of equivalent phrases, as written.
  explicit Synonyms(const std::vector<std::vector<std::string>>& groups);

  // {"groups": [["tv", "television"], ["cell phone", "mobile phone"]]}.
  // Throws platform::Error(invalid_argument) naming what is wrong.
  static Synonyms from_json(std::string_view text);

  // The longest phrase of a group that the stems starting at `position`
  // spell, with the other phrases of its group.
  struct Match {
    std::size_t length = 0;  // stems of `stems` it covers
    std::vector<Stems> alternatives;
  };
  std::optional<Match> match(const Stems& stems, std::size_t position) const;

  std::size_t size() const noexcept { return groups_.size(); }

 private:
  std::vector<std::vector<Stems>> groups_;
};

}  // namespace search
