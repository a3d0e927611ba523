#include "domain/query_plan.h"

#include <gtest/gtest.h>

#include "domain/text_analysis.h"
#include "platform/error.h"

namespace search {
namespace {

using Kind = Form::Kind;

Lexicon shop_lexicon() {
  return Lexicon({{"otterbox", 190},
                  {"defender", 40},
                  {"iphone", 400},
                  {"7", 300},
                  {"case", 2000},
                  {"screen", 600},
                  {"protector", 450},
                  {"samsung", 300},
                  {"galaxy", 280},
                  {"charger", 350},
                  {"car", 90},
                  {"wireless", 200},
                  {"power", 150},
                  {"bank", 60},
                  {"powerbank", 4},
                  {"otter", 2},
                  {"box", 30},
                  {"mount", 70},
                  {"phone", 900}});
}

Synonyms shop_synonyms() {
  return Synonyms({{"cell phone", "smartphone"}, {"charger", "power adapter"}});
}

QueryPlan plan(std::string_view text, PlanOptions options = {}) {
  static const auto lexicon = shop_lexicon();
  static const auto synonyms = shop_synonyms();
  return plan_query(text, lexicon, synonyms, options);
}

Form stem_of(const std::string& word, double weight = 1.0) {
  return Form{Kind::stem, {stem(word)}, weight};
}

TEST(QueryPlan, EveryKnownWordIsAClauseOfItsStem) {
  const auto query = plan("screen protectors ", {});
  ASSERT_EQ(query.clauses.size(), 2u);
  EXPECT_EQ(query.clauses[0].forms, (std::vector<Form>{stem_of("screen")}));
  EXPECT_EQ(query.clauses[1].forms, (std::vector<Form>{stem_of("protector")}))
      << "plurals meet their singular through the stem; no prefix after a space";
  EXPECT_TRUE(query.corrections.empty());
  EXPECT_TRUE(query.corrected_text.empty());
}

TEST(QueryPlan, TheLastWordMayBeAPrefix) {
  const auto query = plan("iphone ca");
  ASSERT_EQ(query.clauses.size(), 2u);
  const auto& last = query.clauses[1];
  ASSERT_EQ(last.forms.size(), 2u);
  EXPECT_EQ(last.forms[1].kind, Kind::prefix);
  EXPECT_EQ(last.forms[1].stems, std::vector<std::string>{"ca"});
  EXPECT_TRUE(query.corrections.empty()) << "a word being typed is not a typo";

  PlanOptions no_prefix;
  no_prefix.prefix_last_word = false;
  EXPECT_EQ(plan("iphone ca", no_prefix).clauses[1].forms.size(), 1u);
  EXPECT_EQ(plan("iphone c").clauses[1].forms.size(), 1u) << "too short to be a prefix";

  EXPECT_EQ(plan("iphone case").clauses[1].forms.size(), 1u)
      << "a word products use, of 4 letters or more, is taken as finished";
  PlanOptions completing;
  completing.prefix_known_words = true;
  EXPECT_EQ(plan("iphone case", completing).clauses[1].forms.back().kind, Kind::prefix)
      << "unless completions are wanted";
  EXPECT_EQ(plan("phone car").clauses[1].forms.back().kind, Kind::prefix)
      << "three letters may be the start of more";
}

TEST(QueryPlan, StopwordsGoUnlessNothingElseIsLeft) {
  const auto query = plan("case for the iphone ");
  ASSERT_EQ(query.clauses.size(), 2u);
  EXPECT_EQ(query.clauses[0].text, "case");
  EXPECT_EQ(query.clauses[1].text, "iphone");
  EXPECT_EQ(plan("the ").clauses.size(), 1u);
}

TEST(QueryPlan, UnknownWordsAreCorrectedWithinTheTypoBudget) {
  const auto query = plan("otterbx defendr ");
  ASSERT_EQ(query.clauses.size(), 2u);
  EXPECT_EQ(query.clauses[0].forms, (std::vector<Form>{stem_of("otterbox")}))
      << "the unknown spelling matches nothing, so only the correction is searched";
  EXPECT_EQ(query.clauses[1].forms, (std::vector<Form>{stem_of("defender")}));
  ASSERT_EQ(query.corrections.size(), 2u);
  EXPECT_EQ(query.corrections[0].typed, "otterbx");
  EXPECT_EQ(query.corrections[0].corrected, "otterbox");
  EXPECT_EQ(query.corrected_text, "otterbox defender");

  EXPECT_EQ(plan("samsnug galaxy ").corrected_text, "samsung galaxy");
  EXPECT_EQ(plan("iphnoe ").corrected_text, "iphone") << "swapped letters";
  EXPECT_EQ(plan("scren protectr ").corrected_text, "screen protector");
}

TEST(QueryPlan, ARareWordAlsoStandsForAFarMoreCommonNearWord) {
  const Lexicon lexicon(
      {{"lightning", 300}, {"lightening", 1}, {"cable", 500}, {"defendr", 2}, {"defender", 30}});
  const auto query = plan_query("lightening cable ", lexicon, Synonyms{});
  ASSERT_EQ(query.clauses.size(), 2u);
  EXPECT_EQ(query.clauses[0].forms,
            (std::vector<Form>{stem_of("lightning"), stem_of("lightening")}))
      << "the common word first, then as typed";
  EXPECT_EQ(query.corrected_text, "lightning cable");
  EXPECT_EQ(plan_query("defendr ", lexicon, Synonyms{}).clauses[0].forms.size(), 1u)
      << "15 times as common is not enough";
  EXPECT_TRUE(plan_query("cable ", lexicon, Synonyms{}).corrections.empty());

  // Not a word of any product, but its stem is one ("protecter" stems as
  // "protect" does): a common near word is meant.
  const Lexicon products({{"protector", 450}, {"protect", 12}, {"chargers", 2}, {"charger", 300}});
  const auto protecter = plan_query("protecter ", products, Synonyms{});
  EXPECT_EQ(protecter.corrected_text, "protector");
  EXPECT_EQ(protecter.clauses[0].forms, (std::vector<Form>{stem_of("protector")}))
      << "a spelling no product uses gives way to the common word";
  const auto chargers = plan_query("chargers ", products, Synonyms{});
  EXPECT_TRUE(chargers.corrections.empty()) << "a rarer form of a common word is that word";
}

TEST(QueryPlan, ShortWordsAndModelNumbersAreNeverCorrected) {
  const auto short_word = plan("cse ");
  EXPECT_TRUE(short_word.corrections.empty()) << "three letters: too many near words";
  const auto model = plan("galaxy s9 ");
  EXPECT_TRUE(model.corrections.empty()) << "s9 is not a typo of s8";
  EXPECT_EQ(model.clauses[1].forms, (std::vector<Form>{stem_of("s9")}));
}

TEST(QueryPlan, WordsSpeltTogetherOrApartMeet) {
  const auto apart = plan("otter box case ");
  ASSERT_EQ(apart.clauses.size(), 2u);
  EXPECT_EQ(apart.clauses[0].text, "otter box");
  EXPECT_EQ(
      apart.clauses[0].forms,
      (std::vector<Form>{Form{Kind::all_of, {stem("otter"), stem("box")}}, stem_of("otterbox")}));

  const auto together = plan("iphone7 case ");
  ASSERT_EQ(together.clauses.size(), 2u);
  EXPECT_EQ(together.clauses[0].forms,
            (std::vector<Form>{Form{Kind::phrase, {stem("iphone"), "7"}}}));
}

TEST(QueryPlan, SynonymsJoinTheirGroup) {
  const auto query = plan("car charger ");
  ASSERT_EQ(query.clauses.size(), 2u);
  EXPECT_EQ(query.clauses[1].forms,
            (std::vector<Form>{stem_of("charger"),
                               Form{Kind::phrase, {stem("power"), stem("adapter")}, 0.4}}))
      << "a two-word alternative of one word weighs half as much per word";
  const auto phrase = plan("cell phones ");
  ASSERT_EQ(phrase.clauses.size(), 1u) << "a synonym phrase matches on stems";
  EXPECT_EQ(phrase.clauses[0].forms,
            (std::vector<Form>{Form{Kind::phrase, {stem("cell"), stem("phones")}},
                               stem_of("smartphone", 0.8)}));
}

TEST(QueryPlan, CorrectedWordsMeetTheirSynonyms) {
  const auto query = plan("car chargr ");
  ASSERT_EQ(query.clauses.size(), 2u);
  EXPECT_EQ(query.clauses[1].text, "charger");
  EXPECT_EQ(query.clauses[1].forms,
            (std::vector<Form>{stem_of("charger"),
                               Form{Kind::phrase, {stem("power"), stem("adapter")}, 0.4}}));
  EXPECT_EQ(query.corrected_text, "car charger");
}

TEST(QueryPlan, QuotedWordsAreAPhrase) {
  const auto query = plan("\"screen protector\" sams");
  ASSERT_EQ(query.clauses.size(), 2u);
  EXPECT_TRUE(query.clauses[0].quoted);
  EXPECT_EQ(query.clauses[0].forms,
            (std::vector<Form>{Form{Kind::phrase, {stem("screen"), stem("protector")}}}));
  EXPECT_EQ(query.clauses[1].forms.back().kind, Kind::prefix);

  const auto unclosed = plan("\"for the iphone");
  ASSERT_EQ(unclosed.clauses.size(), 1u) << "an unclosed quote runs to the end, stopwords kept";
  EXPECT_EQ(unclosed.clauses[0].forms.front().stems.size(), 3u);
  EXPECT_EQ(plan("\"samsnug\"").corrections.size(), 0u) << "quoted words are taken as typed";
}

TEST(QueryPlan, NothingToSearchIsAnEmptyPlan) {
  EXPECT_TRUE(plan("").empty());
  EXPECT_TRUE(plan("  -- ").empty());
  EXPECT_TRUE(plan("\"\"").empty());
}

TEST(Synonyms, ReadsGroupsFromJson) {
  const auto synonyms =
      Synonyms::from_json(R"({"groups": [["tv", "television"], ["sofa", "couch", "settee"]]})");
  EXPECT_EQ(synonyms.size(), 2u);
  const auto match = synonyms.match({stem("couch")}, 0);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->length, 1u);
  EXPECT_EQ(match->alternatives.size(), 2u);
  EXPECT_FALSE(synonyms.match({stem("chair")}, 0));
}

TEST(Synonyms, RefusesWhatIsNotAGroupList) {
  const auto refused = [](std::string_view text, const std::string& field) {
    try {
      Synonyms::from_json(text);
      ADD_FAILURE() << text;
    } catch (const platform::Error& error) {
      EXPECT_EQ(error.field(), field) << text;
    }
  };
  refused(R"({"groups": "tv"})", "groups");
  refused(R"({})", "groups");
  refused(R"({"groups": [["tv"]]})", "groups[0]");
  refused(R"({"groups": [["tv", 3]]})", "groups[0]");
  refused(R"({"groups": [["tv", " -- "]]})", "groups[0]");
  refused(R"({"groups": [], "extra": 1})", "extra");
}

}  // namespace
}  // namespace search
