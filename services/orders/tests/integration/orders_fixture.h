#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "catalog_service.h"
#include "orders_service.h"
#include "payments_service.h"
#include "platform/bus/event_bus.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/api_client.h"
#include "platform/testing/buses.h"
#include "platform/testing/databases.h"
#include "platform/testing/hosted_service.h"
#include "platform/testing/tokens.h"
#include "saga/remote_participants.h"

namespace orders::testing {

using platform::testing::expect_problem;
using platform::testing::mode_name;
using platform::testing::Reply;

// The real participants, with a switch per saga step that makes its call
// fail as an unreachable service would (the way a network fault looks to the
// saga) without calling anyone.
class SwitchableParticipants final : public SagaParticipants {
 public:
  explicit SwitchableParticipants(SagaParticipants& real) : real_(real) {}

  void fail(SagaStep step, bool failing);

  StepResult reserve_stock(const Order& order) override;
  StepResult authorize_payment(const Order& order) override;
  StepResult confirm_stock(const Order& order) override;
  StepResult void_payment(const Order& order) override;
  StepResult release_stock(const Order& order) override;
  StepResult capture_payment(const Order& order) override { return real_.capture_payment(order); }
  StepResult refund_payment(const Order& order, std::int64_t amount, const std::string& key,
                            const std::string& reason) override {
    return real_.refund_payment(order, amount, key, reason);
  }

 private:
  bool failing(SagaStep step);

  SagaParticipants& real_;
  std::mutex mutex_;
  std::map<SagaStep, bool> failing_;
};

template <class Service>
using Hosted = platform::testing::HostedService<Service>;

// Real orders, catalog and payment services over real HTTP, each on its own
// database: SQLite files and an in-process bus (embedded), or fresh
// PostgreSQL databases and NATS JetStream (distributed). Orders calls the
// other two as the orders service would; tests call orders as checkout (scope
// orders.place) unless they act as someone else.
class OrdersTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend>,
                   protected platform::testing::ApiCalls {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Restarts the orders service (same database) with `options`.
  void restart_orders(OrdersOptions options);

  static OrdersOptions quick_options();

  // A product with `stock` units at `price` cents; returns its id.
  std::string create_product(const std::string& sku, std::int64_t price, std::int64_t stock);
  // Saves `number` as `customer`'s card; returns its id.
  std::string save_card(const std::string& customer,
                        const std::string& number = "4242424242424242");
  struct Item {
    std::string product_id;
    std::int64_t quantity = 1;
    std::int64_t unit_price = 0;
  };
  // A placement body whose figures add up: EU prices including 19% VAT,
  // 4.90 standard shipping to Berlin.
  boost::json::object order_body(const std::string& customer, const std::string& card,
                                 const std::vector<Item>& items) const;
  Reply place(const boost::json::object& body, const std::string& key);
  // {on_hand, reserved} at the catalog.
  std::pair<std::int64_t, std::int64_t> stock_of(const std::string& product_id);
  // The payment service's payments of an order.
  boost::json::array payments_of(const std::string& order_id);

  std::string customer_token(const std::string& customer) const {
    return issuer_.user_token(customer);
  }
  std::string checkout_token() const { return issuer_.service_token("cart", "orders.place"); }
  // Orders events received so far, of `order_id`, by subject.
  std::vector<std::string> events_of(const std::string& order_id);

  platform::testing::TestIssuer issuer_;
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  Hosted<catalog::CatalogService> catalog_;
  Hosted<payments::PaymentsService> payments_;
  Hosted<OrdersService> orders_;
  platform::testing::ApiClient catalog_api_;
  platform::testing::ApiClient payments_api_;
  std::unique_ptr<platform::http::Client> client_;
  std::unique_ptr<platform::testing::FixedTokenSource> tokens_;
  std::unique_ptr<RemoteParticipants> remote_;
  std::unique_ptr<SwitchableParticipants> participants_;
  std::unique_ptr<platform::testing::EventRecorder> events_;
};

}  // namespace orders::testing
