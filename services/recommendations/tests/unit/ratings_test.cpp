#include "evaluation/ratings.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace recommendations::evaluation {
namespace {

TEST(ParseMovielens, ReadsRatingsCsvWithItsHeader) {
  const auto ratings =
      parse_movielens("userId,movieId,rating,timestamp\r\n1,31,2.5,1260759144\r\n7,1029,3.0,12\n");
  ASSERT_EQ(ratings.size(), 2u);
  EXPECT_EQ(ratings[0].user, 1);
  EXPECT_EQ(ratings[0].item, 31);
  EXPECT_FLOAT_EQ(ratings[0].value, 2.5F);
  EXPECT_EQ(ratings[0].timestamp, 1260759144);
  EXPECT_EQ(ratings[1].item, 1029);
}

TEST(ParseMovielens, ReadsTabSeparatedUData) {
  const auto ratings = parse_movielens("196\t242\t3\t881250949\n186\t302\t3\t891717742");
  ASSERT_EQ(ratings.size(), 2u);
  EXPECT_EQ(ratings[1].user, 186);
  EXPECT_EQ(ratings[1].timestamp, 891717742);
}

TEST(ParseMovielens, NamesTheLineOfAMalformedRow) {
  try {
    parse_movielens("userId,movieId,rating,timestamp\n1,2,3,4\n1,x,3,4\n");
    FAIL() << "accepted a bad item id";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("line 3"), std::string::npos) << error.what();
  }
  EXPECT_THROW(parse_movielens("1,2,3\n"), std::invalid_argument);
  EXPECT_THROW(parse_movielens("1,2,3,4,5\n"), std::invalid_argument);
}

}  // namespace
}  // namespace recommendations::evaluation
