// The events path on both deployments (SQLite with the in-process bus,
// PostgreSQL with NATS JetStream): what customers do reaches the log once,
// and a training on the log changes what a customer is offered.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/ranking.h"
#include "events/interaction_events.h"
#include "events/recommendation_consumers.h"
#include "platform/bus/event.h"
#include "platform/ids.h"
#include "platform/testing/api_client.h"
#include "recommendations_fixture.h"
#include "serving/trainer.h"

namespace recommendations {
namespace {

using namespace std::chrono_literals;

class InteractionLog : public testing::RecommendationsTest {
 protected:
  void SetUp() override {
    RecommendationsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    consumer_ =
        std::make_unique<EventConsumers>(database_->database(), *bus_, events_, consumers());
    store_ = std::make_unique<InteractionStore>(database_->database());
    trainer_ = std::make_unique<Trainer>(*store_, holder_, registry_, TrainerOptions{});
  }

  void TearDown() override {
    consumer_.reset();
    RecommendationsTest::TearDown();
  }

  platform::metrics::Family<platform::metrics::Counter>& events_ =
      registry_.counter("recommendations_events_total", "events", {"subject", "outcome"});
  std::unique_ptr<EventConsumers> consumer_;
  std::unique_ptr<InteractionStore> store_;
  ModelHolder holder_;
  std::unique_ptr<Trainer> trainer_;
};

TEST_P(InteractionLog, EachKindOfEventIsLoggedOnceAndWhatCannotBeUsedIsCounted) {
  const auto ada = customer();
  const auto order = paid(ada, {product("lamp"), product("shade")});
  bus_->publish(order);
  bus_->publish(order);  // published twice: logged once
  bus_->publish(platform::bus::make_event(
      kProductViewed,
      R"({"customer_id":")" + ada + R"(","product_id":")" + product("kettle") + R"("})"));
  bus_->publish(platform::bus::make_event(kCartItemAdded, R"({"cart":"customer","customer_id":")" +
                                                              ada + R"(","product_id":")" +
                                                              product("mug") + R"("})"));
  bus_->publish(platform::bus::make_event(
      kCartItemAdded, R"({"cart":"guest","product_id":")" + product("mug") + R"("})"));
  bus_->publish(platform::bus::make_event(kProductViewed, R"({"customer_id":"nobody"})"));
  ASSERT_TRUE(platform::testing::eventually([&] { return logged() == 4; })) << logged();
  // Exactly this test's events on the in-process bus; at least them on NATS.
  const auto counted = [&](const char* subject, const char* outcome, std::uint64_t expected) {
    const auto value = events_.with({subject, outcome}).value();
    return bus_is_shared() ? value >= expected : value == expected;
  };
  ASSERT_TRUE(platform::testing::eventually([&] {
    return counted(kProductViewed, "invalid", 1) && counted(kCartItemAdded, "ignored", 1);
  })) << registry_.render();
  // JetStream drops the second publish by its message id; the in-process
  // bus delivers it and the inbox turns it away.
  if (!bus_is_shared()) {
    EXPECT_LE(events_.with({kOrderPaid, "duplicate"}).value(), 1u);
  }
  EXPECT_TRUE(counted(kOrderPaid, "applied", 1));
  EXPECT_TRUE(counted(kProductViewed, "applied", 1));
  EXPECT_TRUE(counted(kCartItemAdded, "applied", 1));
  EXPECT_EQ(logged(), 4u);
  std::vector<std::string> products;
  for (const auto& entry : log()) products.push_back(entry.product);
  std::sort(products.begin(), products.end());
  EXPECT_EQ(products, (std::vector<std::string>{product("kettle"), product("lamp"), product("mug"),
                                                product("shade")}));
}

TEST_P(InteractionLog, PurchasesBySimilarCustomersChangeWhatAnotherIsOffered) {
  // Ada bought a tent. Before anyone else's orders she is offered nothing
  // learned; after a group who bought tents also bought sleeping bags, and
  // another group bought kettles and mugs, a training offers her the bag.
  const auto ada = customer();
  bus_->publish(paid(ada, {product("tent")}));
  ASSERT_TRUE(platform::testing::eventually([&] { return logged() == 1; }));
  const auto before = trainer_->train_now();
  ASSERT_TRUE(before->customer(ada));
  EXPECT_FALSE(before->product(product("sleeping-bag")));

  for (int buyer = 0; buyer < 6; ++buyer) {
    bus_->publish(paid(customer(), {product("tent"), product("sleeping-bag")}));
  }
  for (int buyer = 0; buyer < 10; ++buyer) {
    bus_->publish(paid(customer(), {product("kettle"), product("mug")}));
  }
  ASSERT_TRUE(platform::testing::eventually([&] { return logged() == 1 + 12 + 20; })) << logged();
  const auto after = trainer_->train_now();
  EXPECT_EQ(holder_.current(), after) << "the new models are the ones served";
  const auto customer_index = after->customer(ada);
  ASSERT_TRUE(customer_index);
  const auto top = top_items(after->ease().scores(after->history(*customer_index)), 1,
                             after->purchased(*customer_index));
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(after->product_id(top[0].item), product("sleeping-bag"))
      << "not the kettles and mugs, bought more often but by other customers";
  // Most-popular would have offered a kettle or a mug.
  const auto popular = top_items(after->popular().scores({}), 1);
  EXPECT_NE(after->product_id(popular[0].item), product("sleeping-bag"));
}

TEST_P(InteractionLog, TheStoreGivesTheRecentBoundedPartOfTheLog) {
  const auto ada = customer();
  const auto now = std::chrono::system_clock::now();
  // Ahead of now, so that what tests running at the same time publish is
  // out of the way of the limit.
  const auto soon = now + 24h;
  database_->database().write([&](platform::db::Session& session) {
    InteractionStore::record(session, "old-event-" + run_,
                             {{ada, product("lamp"), Signal::purchase, now - 24h * 800}});
    InteractionStore::record(session, "new-event-" + run_,
                             {{ada, product("shade"), Signal::purchase, soon},
                              {ada, product("bulb"), Signal::view, soon + 1min}});
    // Recording an event again changes nothing.
    InteractionStore::record(session, "new-event-" + run_,
                             {{ada, product("shade"), Signal::purchase, soon}});
  });
  const auto recent = store_->since(soon, 10);
  ASSERT_EQ(recent.size(), 2u);
  EXPECT_EQ(recent[0].product, product("shade")) << "oldest first";
  EXPECT_EQ(recent[0].signal, Signal::purchase);
  EXPECT_EQ(recent[0].customer, ada);
  EXPECT_EQ(recent[1].product, product("bulb"));
  EXPECT_EQ(recent[1].signal, Signal::view);
  const auto newest = store_->since(soon, 1);
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0].product, product("bulb")) << "the limit keeps the newest";
  EXPECT_EQ(logged(), 3u);
  EXPECT_GE(store_->forget_before(now - 24h * 365), 1u);
  EXPECT_EQ(logged(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, InteractionLog,
                         ::testing::ValuesIn(platform::testing::database_backends()),
                         platform::testing::mode_name);

}  // namespace
}  // namespace recommendations
