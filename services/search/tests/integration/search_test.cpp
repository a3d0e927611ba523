#include <set>

#include "platform/ids.h"
#include "search_fixture.h"

namespace search::testing {
namespace {

using Titles = std::vector<std::string>;

// A small phone-accessory shop whose every product is there to prove a rule.
class Searching : public SearchTest {
 protected:
  void SetUp() override {
    SearchTest::SetUp();
    add({.title = "OtterBox Defender Series Case for iPhone 7",
         .brand = "OtterBox",
         .description = "Rugged protection against drops.",
         .price = 4999,
         .popularity = 900});
    add({.title = "Apple iPhone 7 Silicone Case",
         .brand = "Apple",
         .description = "Soft silicone that fits snugly.",
         .price = 3900,
         .popularity = 700});
    add({.title = "Otterbox Symmetry Case for Galaxy S7",
         .brand = "Otterbox",
         .description = "Slim and protective.",
         .price = 3999,
         .popularity = 200});
    add({.title = "Samsung Galaxy S7 Wireless Charger",
         .brand = "Samsung",
         .category_path = "phones/chargers",
         .description = "Qi charging pad.",
         .price = 5999,
         .popularity = 500});
    add({.title = "Belkin Car Charger with USB-C Cable",
         .brand = "Belkin",
         .category_path = "phones/chargers",
         .description = "Two ports for the road.",
         .price = 1999,
         .popularity = 300});
    add({.title = "ZAGG InvisibleShield Screen Protector for iPhone 7",
         .brand = "ZAGG",
         .category_path = "phones/screen-protectors",
         .description = "Tempered glass.",
         .price = 3499,
         .popularity = 600});
    add({.title = "mophie Juice Pack Power Bank 10000 mAh",
         .brand = "mophie",
         .category_path = "phones/batteries",
         .description = "Charges a phone three times.",
         .price = 7999,
         .popularity = 400,
         .available = 0});
    add({.title = "Oak Desk Lamp",
         .brand = "Nordwerk",
         .category_path = "home/lighting",
         .description = "A wireless charger for your phone is built into its base.",
         .price = 8900,
         .popularity = 50});
    add({.title = "Draft iPhone 7 Case", .brand = "Apple", .status = "draft"});
    settle();
  }

  void add(CatalogProduct product) { publish(product); }
};

TEST_F(Searching, RanksATitleMatchAboveADescriptionMatch) {
  const auto found = titles("q=charger");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(std::set<std::string>(found.begin(), found.begin() + 2),
            (std::set<std::string>{"Samsung Galaxy S7 Wireless Charger",
                                   "Belkin Car Charger with USB-C Cable"}));
  EXPECT_EQ(found[2], "Oak Desk Lamp") << "only its description says charger";
}

TEST_F(Searching, PluralsAndSingularsMeet) {
  EXPECT_EQ(titles("q=cases"), titles("q=case"));
  EXPECT_EQ(titles("q=cases").size(), 3u) << "never the draft";
  EXPECT_EQ(titles("q=chargers").size(), 3u);
}

TEST_F(Searching, ABrandAloneFindsEverySpellingOfIt) {
  EXPECT_EQ(titles("q=otterbox"), (Titles{"OtterBox Defender Series Case for iPhone 7",
                                          "Otterbox Symmetry Case for Galaxy S7"}))
      << "the more popular first";
  EXPECT_EQ(titles("q=OTTERBOX%20"), titles("q=otterbox"));
}

TEST_F(Searching, TyposAreCorrected) {
  auto body = search("q=otterbx");
  EXPECT_EQ(body.at("corrected_query"), "otterbox");
  EXPECT_EQ(body.at("total"), 2);
  EXPECT_EQ(body.at("corrections").at(0).at("typed"), "otterbx");

  body = search("q=samsnug%20galaxy%20");
  EXPECT_EQ(body.at("corrected_query"), "samsung galaxy");
  ASSERT_EQ(body.at("total"), 1);
  EXPECT_EQ(body.at("items").at(0).at("title"), "Samsung Galaxy S7 Wireless Charger");

  EXPECT_EQ(titles("q=scren%20protectr%20"),
            (Titles{"ZAGG InvisibleShield Screen Protector for iPhone 7"}));
  EXPECT_EQ(titles("q=iphnoe%20case%20").size(), 2u) << "swapped letters";
  EXPECT_TRUE(search("q=case").at("corrected_query").is_null());
}

TEST_F(Searching, TheLastWordIsMatchedAsAPrefix) {
  EXPECT_EQ(titles("q=iph").size(), 3u);
  EXPECT_EQ(titles("q=otterbox%20def"), (Titles{"OtterBox Defender Series Case for iPhone 7"}));
  EXPECT_TRUE(titles("q=iph%20").empty()) << "a space ends the word";
}

TEST_F(Searching, QuotedWordsMatchAsAPhrase) {
  EXPECT_EQ(titles("q=%22screen%20protector%22"),
            (Titles{"ZAGG InvisibleShield Screen Protector for iPhone 7"}));
  EXPECT_TRUE(titles("q=%22protector%20screen%22").empty());
  EXPECT_TRUE(titles("q=%22case%20for%22").size() == 2u) << "stopwords stay inside quotes";
}

TEST_F(Searching, WordsMeetTheirSynonymsAndTheirSpellingsApartOrTogether) {
  EXPECT_EQ(titles("q=portable%20battery%20"), (Titles{"mophie Juice Pack Power Bank 10000 mAh"}));
  EXPECT_EQ(titles("q=otter%20box%20symmetry%20"),
            (Titles{"Otterbox Symmetry Case for Galaxy S7"}));
  EXPECT_EQ(titles("q=iphone7%20case%20").size(), 2u);
}

TEST_F(Searching, NoProductWithEveryWordRelaxesToSomeOfThem) {
  const auto body = search("q=otterbox%20lamp%20");
  EXPECT_EQ(body.at("relaxed"), true);
  EXPECT_EQ(body.at("total"), 3);
  EXPECT_EQ(search("q=otterbox%20").at("relaxed"), false);
}

// The shop's setting: when fewer than relax_below products have every
// word, products with some of them follow, those with every word first.
class RelaxedSearching : public Searching {
 protected:
  void configure(SearchServiceOptions& options) const override { options.search.relax_below = 3; }
};

TEST_F(RelaxedSearching, FewProductsWithEveryWordAreFollowedByProductsWithSome) {
  const auto body = search("q=otterbox%20defender%20");
  EXPECT_EQ(body.at("relaxed"), true);
  ASSERT_EQ(body.at("total"), 2);
  EXPECT_EQ(body.at("items").at(0).at("title"), "OtterBox Defender Series Case for iPhone 7")
      << "every word first";
  EXPECT_EQ(body.at("items").at(1).at("title"), "Otterbox Symmetry Case for Galaxy S7");
  const auto many = search("q=case%20otterbox%20");
  EXPECT_EQ(many.at("relaxed"), true) << "two is below three";
  EXPECT_EQ(search("q=iphone%207%20").at("relaxed"), false) << "three have both words";
}

TEST_F(RelaxedSearching, ARelaxedAnswerKeepsTheFacetWhoseFilterIsSet) {
  const auto body = search("q=otterbox%20defender%20&brand=OtterBox");
  EXPECT_EQ(body.at("relaxed"), true);
  EXPECT_EQ(body.at("facets").at("brand"),
            boost::json::parse(R"([{"value":"OtterBox","count":1}])"))
      << "counted as if the brand were not picked, over the products with every word";
}

TEST_F(RelaxedSearching, OnlyRelevanceRelaxes) {
  const auto body = search("q=otterbox%20defender%20&sort=price_asc");
  EXPECT_EQ(body.at("relaxed"), false) << "sorted by price, the others would mix in";
  EXPECT_EQ(body.at("total"), 1);
}

TEST_F(Searching, FiltersNarrowDown) {
  EXPECT_EQ(titles("category=phones/chargers").size(), 2u);
  EXPECT_EQ(titles("category=phones").size(), 7u);
  EXPECT_TRUE(titles("category=phone").empty()) << "a category is a whole path";
  EXPECT_EQ(titles("q=case&brand=otterbox").size(), 2u) << "brands compare without case";
  EXPECT_EQ(titles("q=case&brand=Apple&brand=Otterbox").size(), 3u);
  EXPECT_EQ(titles("min_price=3900&max_price=4999"),
            (Titles{"OtterBox Defender Series Case for iPhone 7", "Apple iPhone 7 Silicone Case",
                    "Otterbox Symmetry Case for Galaxy S7"}));
  EXPECT_EQ(titles("q=power%20bank%20"), (Titles{"mophie Juice Pack Power Bank 10000 mAh"}));
  EXPECT_TRUE(titles("q=power%20bank%20&in_stock=true").empty()) << "it is sold out";
  EXPECT_EQ(titles("category=phones&in_stock=true").size(), 6u);
}

TEST_F(Searching, FacetsCountEveryMatchAndAPickedFacetStillShowsItsOthers) {
  auto facets = search("q=case").at("facets");
  EXPECT_EQ(facets.at("brand"), boost::json::parse(R"([{"value":"OtterBox","count":2},
                                                        {"value":"Apple","count":1}])"))
      << "both spellings of OtterBox count together";
  EXPECT_EQ(facets.at("category"), boost::json::parse(R"([{"value":"phones","count":3}])"));
  EXPECT_EQ(facets.at("price"), boost::json::parse(R"([{"min":2500,"max":5000,"count":3}])"));

  const auto picked = search("q=case&brand=Apple");
  EXPECT_EQ(picked.at("total"), 1);
  EXPECT_EQ(picked.at("facets").at("brand"),
            boost::json::parse(R"([{"value":"OtterBox","count":2},{"value":"Apple","count":1}])"));

  facets = search("category=phones").at("facets");
  EXPECT_EQ(facets.at("category"), boost::json::parse(R"([{"value":"phones/cases","count":3},
                                   {"value":"phones/chargers","count":2},
                                   {"value":"phones/batteries","count":1},
                                   {"value":"phones/screen-protectors","count":1}])"));
  EXPECT_FALSE(search("q=case&facets=false").contains("facets"));
}

TEST_F(Searching, SortsByPricePopularityAndNewest) {
  const auto cheapest = titles("category=phones/cases&sort=price_asc");
  EXPECT_EQ(cheapest,
            (Titles{"Apple iPhone 7 Silicone Case", "Otterbox Symmetry Case for Galaxy S7",
                    "OtterBox Defender Series Case for iPhone 7"}));
  auto dearest = titles("category=phones/cases&sort=price_desc");
  std::reverse(dearest.begin(), dearest.end());
  EXPECT_EQ(dearest, cheapest);
  EXPECT_EQ(titles("q=case&sort=popularity").front(), "OtterBox Defender Series Case for iPhone 7");
  EXPECT_EQ(titles("category=phones/cases"), titles("category=phones/cases&sort=popularity"))
      << "without words, relevance is popularity";
  EXPECT_EQ(search("q=case&sort=newest").at("sort"), "newest");
}

TEST_F(Searching, PagesFollowTheirCursor) {
  std::vector<std::string> seen;
  std::string query = "category=phones&limit=3";
  for (int page = 0; page < 5; ++page) {
    const auto body = search(query);
    for (const auto& item : body.at("items").as_array())
      seen.emplace_back(item.at("title").as_string());
    EXPECT_EQ(body.at("total"), 7);
    if (body.at("next_cursor").is_null()) break;
    query = "category=phones&limit=3&cursor=" + std::string(body.at("next_cursor").as_string());
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 7u) << "no page repeats";

  const auto first = search("category=phones&limit=3");
  const std::string cursor(first.at("next_cursor").as_string());
  expect_problem(get("/v1/search?category=home&limit=3&cursor=" + cursor), 400, "invalid-field");
  expect_problem(get("/v1/search?cursor=bm90IGEgY3Vyc29y"), 400, "invalid-field");
}

// Totals beside entries that are not products: stock figures that came
// before their product and removals, which a new replica's consumer gets
// from every product the catalog ever had.
class Totals : public SearchTest {
 protected:
  void configure(SearchServiceOptions& options) const override {
    SearchTest::configure(options);
    options.search.exact_totals_up_to = 150;
  }

  // Titles of different lengths, so that some rank above the others and
  // the ranking could stop before it has seen every match.
  void add_lanterns(int count) {
    for (int i = 0; i < count; ++i) {
      CatalogProduct lantern{
          .title = i % 10 == 0 ? "Lantern" : "Brass Storm Lantern " + std::to_string(i),
          .brand = "Lumen",
          .description = std::string(i % 7, 'x') + " for the garden"};
      publish(lantern);
    }
  }
};

TEST_F(Totals, AreCountedWhateverElseTheIndexHolds) {
  add_lanterns(120);
  for (int i = 0; i < 600; ++i) publish_stock(platform::new_uuid_v7(), 4, 1);
  for (int i = 0; i < 300; ++i) publish_deletion(platform::new_uuid_v7());
  settle();

  const std::vector<std::pair<std::string, int>> expected{
      {"q=lantern&facets=false&limit=1", 120},
      {"q=lantern&facets=false&limit=20", 120},
      {"q=brass%20lantern&facets=false&limit=1", 108},  // not the plain "Lantern"s
      {"q=lantern&facets=false&limit=1&in_stock=true&brand=Lumen", 120}};
  for (const auto& [query, total] : expected) {
    const auto body = search(query);
    EXPECT_EQ(body.at("total"), total) << query;
    EXPECT_EQ(body.at("total_exact"), true) << query;
  }

  // Beyond the bound a total without facets is an estimate, and says so;
  // with facets every match is counted.
  add_lanterns(100);
  settle();
  EXPECT_EQ(search("q=lantern&facets=false&limit=1").at("total_exact"), false);
  const auto counted = search("q=lantern&limit=1");
  EXPECT_EQ(counted.at("total"), 220);
  EXPECT_EQ(counted.at("total_exact"), true);
}

TEST_F(Searching, HighlightsTheMatchedWords) {
  const auto body = search("q=otterbox%20rugged%20");
  const auto& hit = body.at("items").at(0).at("highlight");
  EXPECT_EQ(hit.at("title"), "<mark>OtterBox</mark> Defender Series Case for iPhone 7");
  EXPECT_EQ(hit.at("description"), "<mark>Rugged</mark> protection against drops.");
  EXPECT_FALSE(
      search("q=otterbox&highlight=false").at("items").at(0).as_object().contains("highlight"));
}

TEST_F(Searching, PopularityAndStockBreakTiesBetweenEqualMatches) {
  CatalogProduct rare{.title = "Walnut Phone Stand",
                      .brand = "Deskly",
                      .category_path = "phones/stands",
                      .popularity = 0};
  CatalogProduct loved{.title = "Walnut Phone Stand",
                       .brand = "Deskly",
                       .category_path = "phones/stands",
                       .popularity = 5000};
  CatalogProduct gone{.title = "Walnut Phone Stand",
                      .brand = "Deskly",
                      .category_path = "phones/stands",
                      .popularity = 5000,
                      .available = 0};
  publish(rare);
  publish(gone);
  publish(loved);
  settle();
  const auto body = search("q=walnut%20stand%20");
  ASSERT_EQ(body.at("total"), 3);
  EXPECT_EQ(body.at("items").at(0).at("id").as_string(), loved.id) << "popular and in stock";
  EXPECT_EQ(body.at("items").at(1).at("id").as_string(), gone.id) << "popular, sold out";
  EXPECT_EQ(body.at("items").at(2).at("id").as_string(), rare.id);
}

TEST_F(Searching, SuggestsCompletionsThatGoWithTheRestOfTheQuery) {
  auto reply = get("/v1/search/suggest?q=otterbox%20def");
  ASSERT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
  EXPECT_EQ(reply.body.at("suggestions").at(0).at("text"), "otterbox defender");
  EXPECT_EQ(reply.body.at("products").at(0).at("title"),
            "OtterBox Defender Series Case for iPhone 7");

  reply = get("/v1/search/suggest?q=samsnug%20gal");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body.at("suggestions").at(0).at("text"), "samsung galaxy");
  EXPECT_EQ(reply.body.at("corrected_query"), "samsung gal");

  reply = get("/v1/search/suggest?q=xyzzy");
  ASSERT_EQ(reply.status, 200);
  EXPECT_TRUE(reply.body.at("suggestions").as_array().empty());
  EXPECT_TRUE(reply.body.at("products").as_array().empty());
}

TEST_F(Searching, AnswersAreCountedInMetrics) {
  search("q=case");
  search("q=xyzzy");
  search("q=otterbx");
  platform::http::Client client;
  const auto metrics = client.get(url("/metrics")).body;
  EXPECT_NE(metrics.find("search_queries_total{kind=\"search\",result=\"hits\"} 1"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("search_queries_total{kind=\"search\",result=\"no_hits\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics.find("search_queries_total{kind=\"search\",result=\"corrected\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics.find(
                "search_events_total{subject=\"catalog.product.upserted\",outcome=\"applied\"} 9"),
            std::string::npos);
}

}  // namespace
}  // namespace search::testing
