#include "recommendations_fixture.h"

#include <boost/json.hpp>

#include "events/interaction_events.h"
#include "platform/testing/buses.h"
#include "platform/testing/environment.h"
#include "store/interaction_store.h"
#include "store/schema.h"

namespace recommendations::testing {

void RecommendationsTest::SetUp() {
  database_ = platform::testing::open_fresh_database(GetParam());
  if (!database_) GTEST_SKIP() << "backend not configured";
  if (GetParam() == platform::testing::DatabaseBackend::postgres) {
    SHOP_REQUIRE_BACKEND(platform::testing::nats_url(), "NATS (SHOP_TEST_NATS_URL)");
  }
  migrate(database_->database());
  bus_ = platform::testing::open_test_bus(GetParam(), "recommendations-test");
}

void RecommendationsTest::TearDown() {
  bus_.reset();
  database_.reset();
}

ConsumerOptions RecommendationsTest::consumers() const {
  auto options = ConsumerOptions::named("recommendations-" + run_);
  options.start = platform::bus::SubscriptionOptions::Start::now;
  return options;
}

std::vector<LoggedInteraction> RecommendationsTest::log() const {
  auto entries =
      InteractionStore(database_->database())
          .since(std::chrono::system_clock::now() - std::chrono::hours(24 * 1000), 100'000);
  std::erase_if(entries, [&](const LoggedInteraction& entry) { return !is_ours(entry.product); });
  return entries;
}

std::string RecommendationsTest::customer() { return platform::new_uuid_v7(); }

platform::bus::Event RecommendationsTest::paid(const std::string& customer,
                                               const std::vector<std::string>& products) {
  boost::json::array lines;
  for (const auto& id : products) lines.push_back({{"product_id", id}, {"quantity", 1}});
  return platform::bus::make_event(kOrderPaid, boost::json::serialize(boost::json::object{
                                                   {"order_id", "o-" + platform::random_hex(6)},
                                                   {"customer_id", customer},
                                                   {"lines", std::move(lines)}}));
}

platform::bus::Event RecommendationsTest::upserted(const std::string& id,
                                                   const std::string& category,
                                                   const std::string& status, std::int64_t version,
                                                   bool in_stock, std::int64_t stock_version) {
  return platform::bus::make_event(
      "catalog.product.upserted",
      boost::json::serialize(
          boost::json::object{{"id", id},
                              {"category_path", category},
                              {"status", status},
                              {"version", version},
                              {"stock", {{"in_stock", in_stock}, {"version", stock_version}}}}));
}

platform::bus::Event RecommendationsTest::stock_changed(const std::string& id, bool in_stock,
                                                        std::int64_t version) {
  return platform::bus::make_event(
      "catalog.stock.changed",
      boost::json::serialize(
          boost::json::object{{"product_id", id}, {"in_stock", in_stock}, {"version", version}}));
}

}  // namespace recommendations::testing
