#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recommendations::evaluation {

// One line of a MovieLens file, ids as the file spells them.
struct Rating {
  std::int64_t user = 0;
  std::int64_t item = 0;
  float value = 0;
  std::int64_t timestamp = 0;
};

// MovieLens text: ratings.csv ("userId,movieId,rating,timestamp" with that
// header) or u.data (user, item, rating, timestamp tab-separated, no
// header); the format is recognised from the first line. Throws
// std::invalid_argument naming the line of the first malformed row.
std::vector<Rating> parse_movielens(std::string_view text);

}  // namespace recommendations::evaluation
