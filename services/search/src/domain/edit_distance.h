#pragma once

#include <string_view>

namespace search {

// Edits between two words, counting an insertion, a deletion, a
// substitution or a swap of two neighbouring letters as one (the optimal
// string alignment form of Damerau-Levenshtein: "iphnoe" is one edit from
// "iphone"). Stops early: returns limit + 1 once the distance exceeds limit.
int edit_distance(std::string_view a, std::string_view b, int limit);

// How many typos a query word of `length` bytes may carry and still be
// corrected: none below 4 (too many short words are one edit apart), one up
// to 7, two from 8.
int typo_budget(std::size_t length);

}  // namespace search
