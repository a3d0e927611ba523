#include "domain/text_analysis.h"

#include <gtest/gtest.h>

#include "domain/edit_distance.h"

namespace search {
namespace {

using Words = std::vector<std::string>;

TEST(Analysis, LowersFoldsAndSplits) {
  EXPECT_EQ(analyse("OtterBox Defender Series Case"),
            (Words{"otterbox", "defender", "series", "case"}));
  EXPECT_EQ(analyse("Café crème, Ærø"), (Words{"cafe", "creme", "æro"}));
  EXPECT_EQ(analyse("Straße"), (Words{"strasse"}));
  EXPECT_EQ(analyse("Insignia™ - 6' USB-C Cable"), (Words{"insignia", "6", "usb", "c", "cable"}));
  EXPECT_EQ(analyse(""), Words{});
  EXPECT_EQ(analyse(" -- "), Words{});
}

TEST(Analysis, KeepsTheJoinsAShopNeeds) {
  EXPECT_EQ(analyse("women's wallet"), (Words{"womens", "wallet"}));
  EXPECT_EQ(analyse("women’s wallet"), (Words{"womens", "wallet"}));
  EXPECT_EQ(analyse("AT&T GoPhone"), (Words{"att", "gophone"}));
  EXPECT_EQ(analyse("a 4.5-inch screen"), (Words{"a", "4.5", "inch", "screen"}));
  EXPECT_EQ(analyse("end. Next"), (Words{"end", "next"})) << "a full stop is no decimal point";
  EXPECT_EQ(analyse("10,000 mAh"), (Words{"10000", "mah"}));
  EXPECT_EQ(analyse("1,234,567"), (Words{"1234567"}));
  EXPECT_EQ(analyse("3,5 or 1,2345"), (Words{"3", "5", "or", "1", "2345"}))
      << "only groups of three digits";
  EXPECT_EQ(analyse("Galaxy S8+ case"), (Words{"galaxy", "s8", "plus", "case"}));
  EXPECT_EQ(analyse("S8+"), (Words{"s8", "plus"}));
  EXPECT_EQ(analyse("1+1"), (Words{"1", "1"})) << "a plus between words joins nothing";
  EXPECT_EQ(analyse("'quoted'"), (Words{"quoted"}));
}

TEST(Analysis, CutsWordsLongerThanAnyoneTypes) {
  const std::string long_word(kMaxWordBytes + 10, 'x');
  EXPECT_EQ(analyse("short " + long_word + " end"),
            (Words{"short", std::string(kMaxWordBytes, 'x'), "end"}));
  // 63 ASCII letters and a two-byte letter: cut before it, not inside it.
  const auto cut = analyse(std::string(kMaxWordBytes - 1, 'x') + "æ");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut.front(), std::string(kMaxWordBytes - 1, 'x'));
}

TEST(Analysis, StemsInflections) {
  EXPECT_EQ(stem("cases"), stem("case"));
  EXPECT_EQ(stem("chargers"), stem("charger"));
  EXPECT_EQ(stem("batteries"), stem("battery"));
  EXPECT_EQ(stem("protectors"), stem("protector"));
  EXPECT_NE(stem("case"), stem("cable"));
}

TEST(Analysis, PrefixStemIsWhatAWordBeingTypedStartsWith) {
  EXPECT_EQ(prefix_stem("iphone"), "iphon");
  EXPECT_EQ(prefix_stem("batter"), "batter");
  EXPECT_EQ(prefix_stem("happy"), "happ");
}

TEST(Analysis, Stopwords) {
  for (const char* word : {"a", "an", "and", "for", "from", "i", "its", "the", "that", "with",
                           "your", "which", "will"}) {
    EXPECT_TRUE(is_stopword(word)) << word;
  }
  for (const char* word : {"case", "phone", "black", "", "att"}) EXPECT_FALSE(is_stopword(word));
  EXPECT_TRUE(has_digit("s8"));
  EXPECT_FALSE(has_digit("galaxy"));
}

TEST(EditDistance, CountsEachKindOfEditOnce) {
  EXPECT_EQ(edit_distance("iphone", "iphone", 2), 0);
  EXPECT_EQ(edit_distance("iphnoe", "iphone", 2), 1) << "a swap of neighbours";
  EXPECT_EQ(edit_distance("samsnug", "samsung", 2), 1);
  EXPECT_EQ(edit_distance("wirelss", "wireless", 2), 1) << "a letter left out";
  EXPECT_EQ(edit_distance("otterbx", "otterbox", 2), 1);
  EXPECT_EQ(edit_distance("protecter", "protector", 2), 1) << "a letter substituted";
  EXPECT_EQ(edit_distance("chargre", "charger", 2), 1);
  EXPECT_EQ(edit_distance("headphnes", "headphones", 2), 1);
  EXPECT_EQ(edit_distance("bluetoth", "bluetooth", 2), 1);
  EXPECT_EQ(edit_distance("scren protectr", "screen protector", 2), 2);
  EXPECT_EQ(edit_distance("", "ab", 2), 2);
}

TEST(EditDistance, StopsAtTheLimit) {
  EXPECT_EQ(edit_distance("kitten", "sitting", 1), 2) << "limit + 1 once over it";
  EXPECT_EQ(edit_distance("kitten", "sitting", 3), 3);
  EXPECT_EQ(edit_distance("a", "abcdef", 2), 3) << "lengths alone rule it out";
}

TEST(EditDistance, TypoBudgetGrowsWithLength) {
  EXPECT_EQ(typo_budget(3), 0);
  EXPECT_EQ(typo_budget(4), 1);
  EXPECT_EQ(typo_budget(7), 1);
  EXPECT_EQ(typo_budget(8), 2);
  EXPECT_EQ(typo_budget(20), 2);
}

}  // namespace
}  // namespace search
