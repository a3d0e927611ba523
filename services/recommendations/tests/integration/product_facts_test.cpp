// The catalog's events keep the products' facts on both deployments, in
// whatever order they arrive.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "events/catalog_changes.h"
#include "events/recommendation_consumers.h"
#include "platform/bus/event.h"
#include "platform/ids.h"
#include "platform/testing/api_client.h"
#include "recommendations_fixture.h"
#include "store/product_facts_store.h"

namespace recommendations {
namespace {

class ProductFacts : public testing::RecommendationsTest {
 protected:
  void SetUp() override {
    RecommendationsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    consumers_ =
        std::make_unique<EventConsumers>(database_->database(), *bus_, events_, consumers());
    store_ = std::make_unique<ProductFactsStore>(database_->database());
  }

  void TearDown() override {
    consumers_.reset();
    RecommendationsTest::TearDown();
  }

  // Whether the consumer has applied the events published so far: a
  // product's row says so for the last of them (one consumer reads the
  // catalog's events in order).
  bool known(const std::string& id) const { return store_->facts({id}).contains(id); }
  std::string category_of(const std::string& id) const {
    const auto facts = store_->facts({id});
    return facts.contains(id) ? facts.at(id).category : std::string();
  }

  const std::string lamp_ = product("lamp");
  const std::string shade_ = product("shade");
  platform::metrics::Family<platform::metrics::Counter>& events_ =
      registry_.counter("recommendations_events_total", "events", {"subject", "outcome"});
  std::unique_ptr<EventConsumers> consumers_;
  std::unique_ptr<ProductFactsStore> store_;
};

TEST_P(ProductFacts, TheLatestOfEachPartWinsAndADeletionIsFinal) {
  bus_->publish(upserted(lamp_, "home/lamps", "active", 3, true, 5));
  bus_->publish(
      upserted(lamp_, "home/old-lamps", "archived", 2, false, 4));  // older on both counts
  bus_->publish(stock_changed(lamp_, false, 6));
  bus_->publish(stock_changed(shade_, true, 1));  // stock heard of before the product
  ASSERT_TRUE(platform::testing::eventually([&] { return known(shade_); }));
  auto facts = store_->facts({lamp_, shade_, "never-heard-of"});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts.at(lamp_).category, "home/lamps");
  EXPECT_FALSE(facts.at(lamp_).available) << "on sale, but out of stock since version 6";
  EXPECT_FALSE(facts.at(shade_).available) << "in stock, but not yet known to be on sale";

  bus_->publish(stock_changed(lamp_, true, 7));
  bus_->publish(upserted(shade_, "home/shades", "active", 1, true, 1));
  ASSERT_TRUE(platform::testing::eventually([&] { return category_of(shade_) == "home/shades"; }));
  facts = store_->facts({lamp_, shade_});
  EXPECT_TRUE(facts.at(lamp_).available);
  EXPECT_TRUE(facts.at(shade_).available);
  EXPECT_EQ(facts.at(shade_).category, "home/shades");

  bus_->publish(platform::bus::make_event(
      "catalog.product.deleted",
      boost::json::serialize(boost::json::object{{"id", lamp_}, {"sku", "L-1"}})));
  ASSERT_TRUE(platform::testing::eventually([&] { return !known(lamp_); }));
  bus_->publish(upserted(lamp_, "home/lamps", "active", 9, true, 9));  // late, after the deletion
  bus_->publish(upserted(shade_, "home/shades-2", "active", 2, true, 2));  // after it, to wait on
  ASSERT_TRUE(
      platform::testing::eventually([&] { return category_of(shade_) == "home/shades-2"; }));
  EXPECT_FALSE(store_->facts({lamp_}).contains(lamp_));
}

TEST_P(ProductFacts, ManyProductsAreLookedUpAtOnce) {
  std::vector<std::string> ids;
  database_->database().write([&](platform::db::Session& session) {
    for (int index = 0; index < 120; ++index) {
      ids.push_back("p-" + std::to_string(index) + "-" + platform::random_hex(4));
      ProductFactsStore::apply(session, {.product_id = ids.back(),
                                         .category = "c" + std::to_string(index % 3),
                                         .on_sale = true,
                                         .product_version = 1,
                                         .in_stock = index % 2 == 0,
                                         .stock_version = 1});
    }
  });
  const auto facts = store_->facts(ids);
  ASSERT_EQ(facts.size(), 120u);
  EXPECT_TRUE(facts.at(ids[118]).available);
  EXPECT_FALSE(facts.at(ids[119]).available);
  EXPECT_EQ(facts.at(ids[119]).category, "c2");
}

TEST_P(ProductFacts, CategoryEventsAreIgnoredAndBadOnesCounted) {
  bus_->publish(platform::bus::make_event("catalog.category.upserted", R"({"id":"c"})"));
  bus_->publish(platform::bus::make_event("catalog.stock.changed", R"({"product_id":"x"})"));
  // Exactly these on the in-process bus; at least these on NATS.
  const auto counted = [&](const char* subject, const char* outcome) {
    const auto value = events_.with({subject, outcome}).value();
    return bus_is_shared() ? value >= 1 : value == 1;
  };
  ASSERT_TRUE(platform::testing::eventually([&] {
    return counted("catalog.category.upserted", "ignored") &&
           counted("catalog.stock.changed", "invalid");
  }));
}

INSTANTIATE_TEST_SUITE_P(Backends, ProductFacts,
                         ::testing::ValuesIn(platform::testing::database_backends()),
                         platform::testing::mode_name);

}  // namespace
}  // namespace recommendations
