#include <fstream>

#include "search_fixture.h"

namespace search::testing {
namespace {

class CatalogEvents : public SearchTest {
 protected:
  // The in-stock products matching `words`.
  std::size_t in_stock(const std::string& words) {
    return search("q=" + words + "%20&in_stock=true&facets=false")
        .at("total")
        .to_number<std::size_t>();
  }
};

TEST_F(CatalogEvents, AnUpdateReplacesTheProduct) {
  CatalogProduct lamp{.title = "Brass Reading Lamp", .brand = "Lumen"};
  publish(lamp);
  settle();
  EXPECT_EQ(titles("q=brass%20"), std::vector<std::string>{"Brass Reading Lamp"});

  lamp.title = "Copper Reading Lamp";
  lamp.version = 2;
  publish(lamp);
  settle();
  EXPECT_TRUE(titles("q=brass%20").empty()) << "the old words are gone";
  EXPECT_EQ(titles("q=copper%20"), std::vector<std::string>{"Copper Reading Lamp"});
}

TEST_F(CatalogEvents, LateAndRepeatedEventsChangeNothing) {
  CatalogProduct lamp{
      .title = "Copper Reading Lamp", .brand = "Lumen", .version = 3, .stock_version = 5};
  publish(lamp);
  auto older = lamp;
  older.title = "Brass Reading Lamp";
  older.version = 2;
  older.stock_version = 4;
  publish(older);
  publish(lamp);
  settle();
  EXPECT_EQ(titles("q=reading%20lamp%20"), std::vector<std::string>{"Copper Reading Lamp"});
  EXPECT_GE(events_counted("unchanged"), 2u);
}

TEST_F(CatalogEvents, StockFollowsItsNewestFigure) {
  CatalogProduct lamp{.title = "Copper Reading Lamp", .available = 3, .stock_version = 2};
  publish(lamp);
  publish_stock(lamp.id, 0, 4);  // sold out
  publish_stock(lamp.id, 3, 3);  // an older figure, arriving late
  settle();
  EXPECT_EQ(in_stock("copper"), 0u);

  publish_stock(lamp.id, 5, 6);  // restocked
  settle();
  EXPECT_EQ(in_stock("copper"), 1u);

  // An upsert with an older stock figure keeps the newer one.
  lamp.version = 2;
  lamp.available = 0;
  lamp.stock_version = 5;
  lamp.title = "Copper Reading Lamp II";
  publish(lamp);
  settle();
  EXPECT_EQ(titles("q=copper%20"), std::vector<std::string>{"Copper Reading Lamp II"});
  EXPECT_EQ(in_stock("copper"), 1u);
}

TEST_F(CatalogEvents, StockThatComesFirstWaitsForItsProduct) {
  CatalogProduct lamp{.title = "Copper Reading Lamp", .available = 4, .stock_version = 1};
  lamp.id = "0192d3c4-0000-7000-8000-0000000000a7";
  publish_stock(lamp.id, 0, 2);
  settle();
  EXPECT_TRUE(titles("q=copper%20").empty()) << "stock alone is not a product";
  publish(lamp);
  settle();
  EXPECT_EQ(titles("q=copper%20").size(), 1u);
  EXPECT_EQ(in_stock("copper"), 0u) << "the stock figure was the newer";
}

TEST_F(CatalogEvents, ADeletedProductNeverComesBack) {
  CatalogProduct lamp{.title = "Copper Reading Lamp"};
  publish(lamp);
  settle();
  ASSERT_EQ(titles("q=copper%20").size(), 1u);
  publish_deletion(lamp.id);
  settle();
  EXPECT_TRUE(titles("q=copper%20").empty());
  lamp.version = 7;  // a late event of before the deletion
  publish(lamp);
  publish_stock(lamp.id, 9, 9);
  settle();
  EXPECT_TRUE(titles("q=copper%20").empty());
}

TEST_F(CatalogEvents, ProductsOffSaleAreNotFound) {
  CatalogProduct lamp{.title = "Copper Reading Lamp"};
  publish(lamp);
  settle();
  lamp.status = "archived";
  lamp.version = 2;
  publish(lamp);
  settle();
  EXPECT_TRUE(titles("q=copper%20").empty());
  lamp.status = "active";
  lamp.version = 3;
  publish(lamp);
  settle();
  EXPECT_EQ(titles("q=copper%20").size(), 1u) << "back on sale";
}

TEST_F(CatalogEvents, UnreadableEventsAreCountedAndPassedOver) {
  publish_event("catalog.product.upserted", {{"id", "not-a-uuid"}, {"title", "Broken"}});
  CatalogProduct priceless{.id = "0192d3c4-0000-7000-8000-0000000000b1", .title = "Priceless Lamp"};
  auto document = priceless.to_json();
  document.erase("price");
  publish_event("catalog.product.upserted", document);
  publish_event("catalog.stock.changed", {{"product_id", "0192d3c4-0000-7000-8000-000000000001"}});
  publish_event("catalog.category.created", {{"id", "x"}});
  CatalogProduct lamp{.title = "Copper Reading Lamp"};
  publish(lamp);
  settle();
  EXPECT_EQ(events_counted("invalid"), 3u);
  EXPECT_EQ(events_counted("ignored"), 1u) << "events search has no use for";
  EXPECT_EQ(titles("q=copper%20").size(), 1u) << "what came after is applied";
  EXPECT_TRUE(titles("q=broken%20").empty());
}

// Xapian refuses terms over 245 bytes: a category path of three long slugs
// makes one, and must still be indexed and filtered on.
TEST_F(CatalogEvents, LongCategoryPathsAreIndexedAndFiltered) {
  const std::string slug(120, 'a');
  CatalogProduct lamp{.title = "Copper Reading Lamp",
                      .brand = "Lumen",
                      .category_path = slug + "/" + slug + "/" + slug};
  publish(lamp);
  settle();
  EXPECT_EQ(events_counted("applied"), 1u);
  EXPECT_EQ(titles("q=copper%20&category=" + lamp.category_path).size(), 1u);
  EXPECT_EQ(titles("q=copper%20&category=" + slug + "/" + slug).size(), 1u);
  EXPECT_TRUE(titles("q=copper%20&category=" + slug + "/" + slug + "/b").empty());
}

// CURRENT naming no generation (a disk that lost it) gives an empty index,
// not a service that cannot start.
TEST_F(CatalogEvents, AnUnusableCurrentFileStartsAnEmptyIndex) {
  CatalogProduct lamp{.title = "Copper Reading Lamp"};
  publish(lamp);
  settle();
  server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  {
    std::ofstream current(directory_.path() / "index" / "CURRENT", std::ios::trunc);
    current << "not a generation\n";
  }
  restart_without_stopping();
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_TRUE(titles("q=copper%20").empty()) << "an empty index, for a snapshot to fill";
  CatalogProduct desk{.title = "Oak Standing Desk"};
  publish(desk);
  settle();
  EXPECT_EQ(titles("q=desk%20").size(), 1u);
}

class CachedAnswers : public CatalogEvents {
 protected:
  void configure(SearchServiceOptions& options) const override {
    CatalogEvents::configure(options);
    options.cache_ttl = std::chrono::seconds(60);
  }
};

TEST_F(CachedAnswers, AnAnswerIsServedAgainUntilTheIndexChanges) {
  CatalogProduct lamp{.title = "Copper Reading Lamp"};
  publish(lamp);
  settle();
  EXPECT_EQ(titles("q=reading%20"), std::vector<std::string>{"Copper Reading Lamp"});
  EXPECT_EQ(titles("q=reading%20"), std::vector<std::string>{"Copper Reading Lamp"});
  const auto metrics = registry_->render();
  EXPECT_NE(metrics.find("search_cache_lookups_total{result=\"hit\"} 1\n"), std::string::npos)
      << metrics.substr(metrics.find("search_cache"), 200);
  lamp.title = "Brass Reading Lamp";
  lamp.version = 2;
  publish(lamp);
  settle();
  EXPECT_EQ(titles("q=reading%20"), std::vector<std::string>{"Brass Reading Lamp"})
      << "the change emptied the cache: never a stale answer";
}

TEST_F(CatalogEvents, TheIndexSurvivesARestart) {
  CatalogProduct lamp{.title = "Copper Reading Lamp"};
  publish(lamp);
  settle();
  restart();
  EXPECT_EQ(titles("q=copper%20").size(), 1u);
  EXPECT_EQ(get("/readyz").status, 200) << "an index of its own needs no snapshot";
  CatalogProduct desk{.title = "Oak Standing Desk"};
  publish(desk);
  settle();
  EXPECT_EQ(titles("q=desk%20").size(), 1u) << "the consumer resumes";
}

}  // namespace
}  // namespace search::testing
