#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cart_service.h"
#include "catalog_service.h"
#include "orders_service.h"
#include "payments_service.h"
#include "platform/bus/event_bus.h"
#include "platform/http/client.h"
#include "platform/testing/api_client.h"
#include "platform/testing/buses.h"
#include "platform/testing/databases.h"
#include "platform/testing/environment.h"
#include "platform/testing/hosted_service.h"
#include "platform/testing/tokens.h"
#include "saga/remote_participants.h"

namespace cart::testing {

using platform::testing::expect_problem;
using platform::testing::mode_name;
using platform::testing::Reply;

// The cart service with real catalog, payments and orders services beside
// it over real HTTP: SQLite (carts in SQLite too) and an in-process bus
// (embedded), or PostgreSQL, Redis and NATS JetStream (distributed). Cart
// calls the catalog anonymously and orders as the client "cart"; orders
// calls the others as "orders". Coupon codes get a suffix of their own per
// test (coupon(...)), as their use counts live in a store tests share.
class CartTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend>,
                 protected platform::testing::ApiCalls {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Restarts the cart service (same store) with `options`; coupons are the
  // fixture's unless `options.coupons` has some.
  void restart_cart(CartOptions options);
  CartOptions test_options() const;

  // This test's code for a coupon of the fixture's book: WELCOME10 (10%),
  // TENOFF (10.00 off from 50.00), ONCE (5% once), EXPIRED, LATER.
  std::string coupon(const std::string& name) const { return name + coupon_suffix_; }

  struct NewProduct {
    std::string sku;
    std::int64_t price = 0;
    std::int64_t stock = 10;
    std::string tax_category = "standard";
    int weight_grams = 500;
  };
  std::string create_product(const NewProduct& product);
  void set_price(const std::string& product_id, std::int64_t price);
  std::int64_t on_hand(const std::string& product_id);
  std::string save_card(const std::string& customer,
                        const std::string& number = "4242424242424242");
  boost::json::array payments_of(const std::string& order_id);

  // A fresh guest cart token.
  std::string new_guest();
  // Calls the cart service as a guest holding `cart_token` (no bearer).
  Reply as_guest(const std::string& cart_token, platform::http::Method method,
                 const std::string& path, const boost::json::value* body = nullptr);
  // Calls as the customer `customer` (a bearer token), with optional headers.
  Reply as_customer(const std::string& customer, platform::http::Method method,
                    const std::string& path, const boost::json::value* body = nullptr,
                    platform::http::Headers headers = {});
  Reply add_item(const std::string& customer, const std::string& product_id, int quantity);
  Reply checkout(const std::string& customer, const std::string& key,
                 const boost::json::object& body);
  // A checkout body to Berlin with `card`.
  static boost::json::object checkout_body(const std::string& card,
                                           const std::string& coupon_code = {});

  // cart.item.added events so far, as their data.
  std::vector<boost::json::object> cart_events();

  platform::testing::TestIssuer issuer_;
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  platform::testing::TemporaryDirectory directory_;
  std::unique_ptr<platform::kv::KeyValueStore> store_;
  platform::testing::HostedService<catalog::CatalogService> catalog_;
  platform::testing::HostedService<payments::PaymentsService> payments_;
  platform::testing::HostedService<orders::OrdersService> orders_;
  platform::testing::HostedService<CartService> cart_;
  platform::testing::ApiClient admin_catalog_;
  platform::testing::ApiClient payments_api_;
  std::unique_ptr<platform::http::Client> client_;
  std::unique_ptr<platform::testing::FixedTokenSource> orders_tokens_;
  std::unique_ptr<platform::testing::FixedTokenSource> cart_tokens_;
  std::unique_ptr<orders::RemoteParticipants> participants_;
  std::unique_ptr<CatalogProducts> catalog_products_;
  std::unique_ptr<OrdersClient> orders_client_;
  std::unique_ptr<platform::testing::EventRecorder> events_;
  std::string coupon_suffix_;
};

}  // namespace cart::testing
