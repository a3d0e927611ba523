// Must-show 1 of the commerce core: the whole shop as separate processes on
// PostgreSQL, Redis and NATS JetStream, used through the gateway as the web
// app would: a guest fills a cart, signs up, the cart follows; quotes for
// several destinations match totals worked out by hand; checkout pays the
// order, the stock goes down, and the events are on the bus.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "distributed_shop.h"
#include "platform/bus/nats_bus.h"
#include "platform/ids.h"
#include "platform/testing/api_client.h"
#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;
using platform::testing::ApiClient;
using platform::testing::Reply;

boost::json::object euros(std::int64_t amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

class DistributedCheckout : public ::testing::Test {
 protected:
  void SetUp() override {
    SHOP_REQUIRE_BACKEND(shop::testing::DistributedShop::infrastructure_configured(),
                         "PostgreSQL, Redis and NATS (SHOP_TEST_*)");
    shop_ = std::make_unique<shop::testing::DistributedShop>(
        directory_.path(), shop::testing::DistributedShop::Options{.argon2_memory_kib = 8192});
    platform::bus::NatsBusOptions options;
    options.url = *platform::testing::nats_url();
    options.connection_name = "distributed-checkout-test";
    bus_ = std::make_unique<platform::bus::NatsBus>(options);
    for (const auto* filter : {"orders.>", "cart.>"}) {
      subscriptions_.push_back(bus_->subscribe(
          {.durable_name = "e2e-" + platform::random_hex(6), .subject_filter = filter},
          [this](const platform::bus::Event& event) {
            std::lock_guard lock(mutex_);
            events_.push_back(event);
          }));
    }
  }

  void TearDown() override {
    subscriptions_.clear();
    bus_.reset();
    shop_.reset();
  }

  // Events of `subject` whose data has `field` equal to `value`.
  int events_with(const std::string& subject, const std::string& field, const std::string& value) {
    std::lock_guard lock(mutex_);
    int count = 0;
    for (const auto& event : events_) {
      if (event.subject != subject) continue;
      const auto data = boost::json::parse(event.data).as_object();
      if (const auto* found = data.if_contains(field);
          found && found->is_string() && found->get_string() == value) {
        ++count;
      }
    }
    return count;
  }

  platform::testing::TemporaryDirectory directory_;
  std::unique_ptr<shop::testing::DistributedShop> shop_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  std::vector<std::unique_ptr<platform::bus::Subscription>> subscriptions_;
  std::mutex mutex_;
  std::vector<platform::bus::Event> events_;
};

TEST_F(DistributedCheckout, AShopperSignsInFillsACartChecksOutAndIsCharged) {
  ApiClient admin(shop_->url());
  admin.acting_as(shop_->admin_token());
  ASSERT_FALSE(admin.token().empty()) << shop_->log("auth");
  ASSERT_EQ(admin.post("/api/catalog/v1/categories", {{"slug", "home"}, {"name", "Home"}}).status,
            201);
  const auto create = [&](const std::string& sku, std::int64_t price, const char* category,
                          int grams, int stock) {
    const auto reply = admin.post("/api/catalog/v1/products", {{"sku", sku},
                                                               {"title", "Item " + sku},
                                                               {"brand", "Acme"},
                                                               {"category", "home"},
                                                               {"price", euros(price)},
                                                               {"tax_category", category},
                                                               {"weight_grams", grams},
                                                               {"stock", {{"on_hand", stock}}}});
    EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
    return std::string(reply.body.at("id").as_string());
  };
  const auto lamp = create("E2E-LAMP", 2999, "standard", 800, 10);
  const auto book = create("E2E-BOOK", 1200, "reduced", 400, 5);

  // The shopper finds the lamp through search, which the catalog's events
  // reached over NATS.
  ApiClient visitor(shop_->url());
  ASSERT_TRUE(platform::testing::eventually([&] {
    const auto found = visitor.get("/api/search/v1/search?q=e2e%20lamp%20");
    return found.status == 200 && found.body.at("total").as_int64() >= 1 &&
           found.body.at("items").at(0).at("id").as_string() == lamp;
  })) << shop_->log("search");

  // A guest puts two lamps in a cart, then signs up: the cart follows.
  ApiClient guest(shop_->url());
  const auto token = guest.post("/api/cart/v1/cart-tokens", boost::json::object{});
  ASSERT_EQ(token.status, 201) << shop_->log("cart");
  platform::http::Headers cart_token;
  cart_token.set("Cart-Token", std::string(token.body.at("cart_token").as_string()));
  ASSERT_EQ(
      guest.post("/api/cart/v1/cart/items", {{"product_id", lamp}, {"quantity", 2}}, cart_token)
          .status,
      200);
  ApiClient customer(shop_->url());
  customer.acting_as(shop_->sign_up("ada@example.com", "a long passphrase of ada"));
  ASSERT_FALSE(customer.token().empty()) << shop_->log("auth");
  const auto merged = customer.post("/api/cart/v1/cart/merge", boost::json::object{}, cart_token);
  ASSERT_EQ(merged.status, 200) << boost::json::serialize(merged.body);
  EXPECT_EQ(merged.body.at("item_count"), 2);
  ASSERT_EQ(
      customer.post("/api/cart/v1/cart/items", {{"product_id", book}, {"quantity", 1}}).status,
      200);

  // Quotes, every figure worked out by hand (docs/architecture.md, Cart):
  // 2 × 29.99 (standard rate, 800 g) + 12.00 (reduced rate, 400 g).
  struct Expected {
    boost::json::object request;
    std::int64_t discount, tax, shipping, total;
  };
  const std::vector<Expected> quotes{
      // 19% and 7% VAT inside the prices; domestic shipping free from 50.00.
      {{{"destination", {{"country", "DE"}}}}, 0, 958 + 79, 0, 7198},
      // 10% off shared 6.00 / 1.20; 20% and 5.5% VAT; express 24.90 incl. 4.15 VAT.
      {{{"destination", {{"country", "FR"}}},
        {"shipping_speed", "express"},
        {"coupon", "WELCOME10"}},
       720,
       900 + 56 + 415,
       2490,
       8968},
      // 10.00 off shared 8.33 / 1.67; 7.25% added on top; shipping untaxed.
      {{{"destination", {{"country", "US"}, {"region", "CA"}}}, {"coupon", "TENOFF"}},
       1000,
       374 + 75,
       2490,
       9137},
  };
  for (const auto& expected : quotes) {
    const auto quote = customer.post("/api/cart/v1/cart/quote", expected.request);
    ASSERT_EQ(quote.status, 200) << boost::json::serialize(quote.body);
    const auto figure = [&](const char* name) {
      return quote.body.at(name).at("amount").as_int64();
    };
    EXPECT_EQ(figure("discount"), expected.discount) << boost::json::serialize(expected.request);
    EXPECT_EQ(figure("tax"), expected.tax) << boost::json::serialize(expected.request);
    EXPECT_EQ(figure("shipping"), expected.shipping) << boost::json::serialize(expected.request);
    EXPECT_EQ(figure("total"), expected.total) << boost::json::serialize(expected.request);
  }

  const auto card =
      customer.post("/api/payments/v1/payment-methods", {{"number", "4242424242424242"},
                                                         {"expiry_month", 12},
                                                         {"expiry_year", 2040},
                                                         {"cvc", "123"},
                                                         {"holder", "Ada Lovelace"}});
  ASSERT_EQ(card.status, 201) << boost::json::serialize(card.body);
  platform::http::Headers key;
  key.set("Idempotency-Key", "e2e-checkout-1");
  const auto placed = customer.post("/api/cart/v1/checkout",
                                    {{"shipping_address",
                                      {{"recipient", "Ada Lovelace"},
                                       {"line1", "Unter den Linden 1"},
                                       {"city", "Berlin"},
                                       {"postal_code", "10117"},
                                       {"country", "DE"}}},
                                     {"coupon", "WELCOME10"},
                                     {"payment_method", card.body.at("id")},
                                     {"email", "ada@example.com"}},
                                    key);
  ASSERT_EQ(placed.status, 201) << boost::json::serialize(placed.body) << shop_->log("cart")
                                << shop_->log("orders");
  EXPECT_EQ(placed.body.at("status"), "paid");
  // 71.98 less 7.20: lamps 53.98 (8.62 VAT), book 10.80 (0.71 VAT), free shipping.
  EXPECT_EQ(placed.body.at("totals").at("total").at("amount"), 6478);
  EXPECT_EQ(placed.body.at("totals").at("tax").at("amount"), 862 + 71);
  const auto order_id = std::string(placed.body.at("id").as_string());

  // The order, as its customer sees it; the stock, as the catalog counts it.
  const auto order = customer.get("/api/orders/v1/orders/" + order_id);
  ASSERT_EQ(order.status, 200);
  EXPECT_EQ(order.body.at("status"), "paid");
  EXPECT_EQ(admin.get("/api/catalog/v1/products/" + lamp + "/inventory").body.at("on_hand"), 8);
  EXPECT_EQ(admin.get("/api/catalog/v1/products/" + book + "/inventory").body.at("on_hand"), 4);
  EXPECT_EQ(customer.get("/api/cart/v1/cart").body.at("item_count"), 0);
  const auto payments = admin.get("/api/payments/v1/payments?order_id=" + order_id);
  ASSERT_EQ(payments.status, 200);
  ASSERT_EQ(payments.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(payments.body.at("items").at(0).at("amount").at("amount"), 6478);

  // The events, on NATS; and the customers service, which listens to them.
  EXPECT_TRUE(platform::testing::eventually([&] {
    return events_with("orders.order.placed", "order_id", order_id) == 1 &&
           events_with("orders.order.paid", "order_id", order_id) == 1 &&
           events_with("cart.item.added", "product_id", lamp) >= 1 &&
           events_with("cart.item.added", "product_id", book) >= 1;
  }));
  const auto customer_id = std::string(order.body.at("customer_id").as_string());
  EXPECT_TRUE(platform::testing::eventually([&] {
    const auto history = customer.get("/api/customers/v1/customers/" + customer_id + "/orders");
    return history.status == 200 && !history.body.at("items").as_array().empty();
  })) << shop_->log("customers");
}

// Must-show 2, and the concurrent half of 3: twenty customers check out
// the last five lamps at once, each sending their request twice at the same
// moment with one Idempotency-Key. Exactly five orders are paid, everyone
// else is told cleanly, the stock ends at zero (never below), no failed
// order holds money, and no key made two orders or two charges.
TEST_F(DistributedCheckout, ManyCheckoutsForLittleStockSellExactlyTheStock) {
  ApiClient admin(shop_->url());
  admin.acting_as(shop_->admin_token());
  ASSERT_EQ(admin.post("/api/catalog/v1/categories", {{"slug", "home"}, {"name", "Home"}}).status,
            201);
  const auto product = admin.post("/api/catalog/v1/products", {{"sku", "LAST-FIVE"},
                                                               {"title", "The last lamps"},
                                                               {"brand", "Acme"},
                                                               {"category", "home"},
                                                               {"price", euros(4999)},
                                                               {"weight_grams", 900},
                                                               {"stock", {{"on_hand", 5}}}});
  ASSERT_EQ(product.status, 201);
  const auto lamp = std::string(product.body.at("id").as_string());

  constexpr int kCustomers = 20;
  struct Shopper {
    std::string token;
    std::string card;
  };
  std::vector<Shopper> shoppers;
  for (int i = 0; i < kCustomers; ++i) {
    ApiClient customer(shop_->url());
    customer.acting_as(shop_->sign_up("shopper" + std::to_string(i) + "@example.com",
                                      "violet lantern harbour " + std::to_string(1000 + i)));
    ASSERT_FALSE(customer.token().empty()) << "shopper " << i << ": " << shop_->log("auth");
    ASSERT_EQ(customer.post("/api/cart/v1/cart/items", {{"product_id", lamp}}).status, 200);
    const auto card =
        customer.post("/api/payments/v1/payment-methods", {{"number", "4242424242424242"},
                                                           {"expiry_month", 12},
                                                           {"expiry_year", 2040},
                                                           {"cvc", "123"},
                                                           {"holder", "Shopper"}});
    ASSERT_EQ(card.status, 201);
    shoppers.push_back({customer.token(), std::string(card.body.at("id").as_string())});
  }

  const auto replies = platform::testing::at_once(2 * kCustomers, [&](int index) {
    const auto& shopper = shoppers[index / 2];
    ApiClient client(shop_->url());
    client.acting_as(shopper.token);
    platform::http::Headers key;
    key.set("Idempotency-Key", "last-five-" + std::to_string(index / 2));
    return client.post("/api/cart/v1/checkout",
                       {{"shipping_address",
                         {{"recipient", "Shopper"},
                          {"line1", "Hauptstr. 1"},
                          {"city", "Hamburg"},
                          {"postal_code", "20095"},
                          {"country", "DE"}}},
                        {"payment_method", shopper.card},
                        {"email", "shopper@example.com"}},
                       key);
  });

  std::set<std::string> paid, failed;
  std::map<int, std::set<std::string>> orders_of_shopper;
  for (int index = 0; index < 2 * kCustomers; ++index) {
    const auto& reply = replies[index];
    const auto& body = reply.body;
    if (reply.status == 201 || reply.status == 200) {
      EXPECT_EQ(body.at("status"), "paid");
      paid.insert(std::string(body.at("id").as_string()));
      orders_of_shopper[index / 2].insert(std::string(body.at("id").as_string()));
      continue;
    }
    ASSERT_EQ(reply.status, 409) << boost::json::serialize(body);
    const auto type = std::string(body.at("type").as_string());
    EXPECT_TRUE(type == "/problems/order-not-placed" ||
                type == "/problems/cart-items-unavailable" ||
                type == "/problems/idempotency-key-in-use")
        << type;
    if (type == "/problems/order-not-placed") {
      failed.insert(std::string(body.at("order_id").as_string()));
      orders_of_shopper[index / 2].insert(std::string(body.at("order_id").as_string()));
    }
  }
  EXPECT_EQ(paid.size(), 5u);
  for (const auto& [shopper, orders] : orders_of_shopper) {
    EXPECT_EQ(orders.size(), 1u) << "shopper " << shopper << " got two orders for one key";
  }

  const auto stock = admin.get("/api/catalog/v1/products/" + lamp + "/inventory");
  EXPECT_EQ(stock.body.at("on_hand"), 0);
  EXPECT_EQ(stock.body.at("reserved"), 0);
  for (const auto& order : paid) {
    const auto payments = admin.get("/api/payments/v1/payments?order_id=" + order);
    ASSERT_EQ(payments.body.at("items").as_array().size(), 1u) << order;
    EXPECT_EQ(payments.body.at("items").at(0).at("status"), "authorized");
  }
  for (const auto& order : failed) {
    const auto payments = admin.get("/api/payments/v1/payments?order_id=" + order);
    for (const auto& payment : payments.body.at("items").as_array()) {
      EXPECT_NE(payment.at("status"), "authorized") << "a failed order holds money: " << order;
    }
  }
}

}  // namespace
