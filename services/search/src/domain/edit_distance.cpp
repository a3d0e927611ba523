#include "domain/edit_distance.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace search {

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const int rows = static_cast<int>(a.size());
  const int columns = static_cast<int>(b.size());
  if (std::abs(rows - columns) > limit) return limit + 1;
  // Three rows of the table: the one before the previous is what a swap needs.
  std::vector<int> before(columns + 1), previous(columns + 1), current(columns + 1);
  for (int j = 0; j <= columns; ++j) previous[j] = j;
  for (int i = 1; i <= rows; ++i) {
    current[0] = i;
    int row_minimum = current[0];
    for (int j = 1; j <= columns; ++j) {
      const int substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, before[j - 2] + 1);
      }
      current[j] = best;
      row_minimum = std::min(row_minimum, best);
    }
    if (row_minimum > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[columns], limit + 1);
}

int typo_budget(std::size_t length) {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

}  // namespace search
