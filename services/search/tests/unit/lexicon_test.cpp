#include "domain/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "domain/edit_distance.h"

namespace search {
namespace {

Lexicon shop_lexicon() {
  return Lexicon({{"otterbox", 190},
                  {"iphone", 400},
                  {"phone", 900},
                  {"samsung", 300},
                  {"screen", 600},
                  {"protector", 450},
                  {"protection", 80},
                  {"wireless", 200},
                  {"charger", 350},
                  {"charge", 60},
                  {"case", 2000},
                  {"cases", 150},
                  {"cast", 3},
                  {"iphone", 10}});  // repeats add up
}

std::vector<std::string> texts(const std::vector<Lexicon::Near>& near) {
  std::vector<std::string> found;
  for (const auto& candidate : near) found.push_back(candidate.word->text);
  return found;
}

TEST(Lexicon, CountsWords) {
  const auto lexicon = shop_lexicon();
  EXPECT_EQ(lexicon.frequency("iphone"), 410u);
  EXPECT_EQ(lexicon.frequency("case"), 2000u);
  EXPECT_EQ(lexicon.frequency("android"), 0u);
  EXPECT_TRUE(lexicon.knows_stem("protector"));
  EXPECT_TRUE(lexicon.knows_stem("charg")) << "the stem of charge";
  EXPECT_FALSE(lexicon.knows_stem("android"));
  EXPECT_EQ(lexicon.size(), 13u);
}

TEST(Lexicon, FindsNearWordsNearestFirstThenMostUsed) {
  const auto lexicon = shop_lexicon();
  EXPECT_EQ(texts(lexicon.near("otterbx", 1, 5)), (std::vector<std::string>{"otterbox"}));
  EXPECT_EQ(texts(lexicon.near("iphnoe", 1, 5)), (std::vector<std::string>{"iphone"}));
  EXPECT_EQ(texts(lexicon.near("samsnug", 1, 5)), (std::vector<std::string>{"samsung"}));
  EXPECT_EQ(texts(lexicon.near("protectr", 2, 5)), (std::vector<std::string>{"protector"}))
      << "protection is three edits away";
  EXPECT_EQ(texts(lexicon.near("protecton", 2, 5)),
            (std::vector<std::string>{"protector", "protection"}))
      << "both one edit away: the more used first";
  EXPECT_EQ(texts(lexicon.near("cade", 1, 5)), (std::vector<std::string>{"case"}));
  EXPECT_EQ(texts(lexicon.near("casr", 1, 5)), (std::vector<std::string>{"case", "cast"}))
      << "same distance: the more used first";
  EXPECT_TRUE(lexicon.near("case", 1, 5).size() >= 2) << "the word itself is never near";
  for (const auto& candidate : lexicon.near("case", 1, 5)) EXPECT_NE(candidate.word->text, "case");
  EXPECT_TRUE(lexicon.near("xylophone", 2, 5).empty());
  EXPECT_EQ(lexicon.near("casr", 1, 1).size(), 1u) << "at most limit";
}

// The deletion index must find exactly what comparing with every word finds.
TEST(Lexicon, FindsWhatAFullScanFinds) {
  std::mt19937 random(7);
  const std::string letters = "aeioustrnlcb";
  auto word_of = [&](std::size_t length) {
    std::string word;
    for (std::size_t i = 0; i < length; ++i) word += letters[random() % letters.size()];
    return word;
  };
  std::vector<Lexicon::Word> words;
  for (int i = 0; i < 2000; ++i) words.push_back({word_of(3 + random() % 8), 1});
  const Lexicon lexicon(words);
  for (int i = 0; i < 300; ++i) {
    const auto query = word_of(4 + random() % 7);
    const int budget = typo_budget(query.size());
    std::vector<std::string> expected;
    std::set<std::string> seen;
    for (const auto& word : words) {
      if (word.text != query && edit_distance(query, word.text, budget) <= budget &&
          seen.insert(word.text).second) {
        expected.push_back(word.text);
      }
    }
    auto found = texts(lexicon.near(query, budget, 10'000));
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, expected) << query;
  }
}

TEST(Lexicon, CompletesPrefixesMostUsedFirst) {
  const auto lexicon = shop_lexicon();
  std::vector<std::string> found;
  for (const auto* word : lexicon.completions("ca", 10)) found.push_back(word->text);
  EXPECT_EQ(found, (std::vector<std::string>{"case", "cases", "cast"}));
  ASSERT_EQ(lexicon.completions("charg", 1).size(), 1u);
  EXPECT_EQ(lexicon.completions("charg", 1).front()->text, "charger");
  EXPECT_TRUE(lexicon.completions("zz", 5).empty());
  EXPECT_EQ(lexicon.completions("", 100).size(), lexicon.size());
  EXPECT_GT(lexicon.memory_bytes(), 0u);
}

TEST(Lexicon, EmptyKnowsNothing) {
  const Lexicon lexicon;
  EXPECT_EQ(lexicon.frequency("case"), 0u);
  EXPECT_TRUE(lexicon.near("case", 1, 5).empty());
  EXPECT_TRUE(lexicon.completions("c", 5).empty());
}

}  // namespace
}  // namespace search
