// Must-show of the checkout saga: the orders process is killed with SIGKILL
// on either side of each saga step's call (the fault point pauses it there,
// the test kills it). After a restart, every order ends paid or cancelled
// and the catalog's stock and the payment service's payments agree with it:
// paid orders have their stock confirmed and one authorized payment of the
// order's total; cancelled ones hold no stock and no money.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>
#include <future>

#include "platform/http/client.h"
#include "platform/ids.h"
#include "platform/testing/child_process.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace {

using namespace std::chrono_literals;
using platform::testing::ChildProcess;

struct CrashCase {
  const char* point;     // orders.saga.<before|after>.<step>
  const char* card;      // decides the path the saga takes
  bool cancel_after;     // crash while a paid order is being cancelled
  const char* expected;  // paid or cancelled
};

std::string case_name(const ::testing::TestParamInfo<CrashCase>& info) {
  std::string name;
  for (const char c :
       std::string_view(info.param.point).substr(std::string_view("orders.saga.").size())) {
    name += c == '.' || c == '_' ? '_' : c;
  }
  return name + (info.param.cancel_after ? "_WhileCancelling" : "");
}

class CheckoutSagaCrash : public ::testing::TestWithParam<CrashCase> {
 protected:
  void SetUp() override {
    SHOP_REQUIRE_BACKEND(platform::testing::nats_url(), "NATS (SHOP_TEST_NATS_URL)");
    SHOP_REQUIRE_BACKEND(platform::testing::postgres_admin_url(),
                         "PostgreSQL (SHOP_TEST_POSTGRES_URL)");
    using platform::testing::DatabaseBackend;
    for (auto* database : {&catalog_db_, &payments_db_, &orders_db_}) {
      *database = platform::testing::open_fresh_database(DatabaseBackend::postgres);
      ASSERT_TRUE(*database);
    }
    catalog_port_ = platform::testing::free_port();
    payments_port_ = platform::testing::free_port();
    orders_port_ = platform::testing::free_port();
    catalog_ = start("catalog", CATALOG_BINARY, catalog_port_,
                     {{"CATALOG_DATABASE_URL", catalog_db_->url()},
                      {"CATALOG_NATS_URL", *platform::testing::nats_url()}});
    payments_ = start("payments", PAYMENTS_BINARY, payments_port_,
                      {{"PAYMENTS_DATABASE_URL", payments_db_->url()}});
    ASSERT_EQ(call("POST", catalog_port_, "/v1/categories", issuer_.admin_token(),
                   {{"slug", "crash"}, {"name", "Crash"}})
                  .status,
              201);
    const auto product = call("POST", catalog_port_, "/v1/products", issuer_.admin_token(),
                              {{"sku", "CRASH-1"},
                               {"title", "Crash test lamp"},
                               {"brand", "Lumen"},
                               {"category", "crash"},
                               {"price", {{"amount", 2000}, {"currency", "EUR"}}},
                               {"stock", {{"on_hand", 10}}}});
    ASSERT_EQ(product.status, 201);
    product_ = std::string(boost::json::parse(product.body).at("id").as_string());
  }

  std::unique_ptr<ChildProcess> start(const std::string& name, const std::string& binary, int port,
                                      std::map<std::string, std::string> environment) {
    const auto prefix = name == "catalog" ? "CATALOG" : name == "payments" ? "PAYMENTS" : "ORDERS";
    environment[std::string(prefix) + "_PORT"] = std::to_string(port);
    environment[std::string(prefix) + "_ACCESS_LOG"] = "false";
    environment.merge(jwks_.environment());
    auto process =
        std::make_unique<ChildProcess>(binary, environment, directory_.path() / (name + ".log"));
    EXPECT_TRUE(platform::testing::wait_for_http_ok(port, "/readyz", 15s)) << process->log();
    return process;
  }

  std::unique_ptr<ChildProcess> start_orders(const std::string& faults) {
    return start("orders", ORDERS_BINARY, orders_port_,
                 {{"ORDERS_SETTLE_MS", "300"},
                  {"ORDERS_DATABASE_URL", orders_db_->url()},
                  {"ORDERS_NATS_URL", *platform::testing::nats_url()},
                  {"ORDERS_CATALOG_URL", url(catalog_port_)},
                  {"ORDERS_PAYMENTS_URL", url(payments_port_)},
                  {"ORDERS_CLIENT_SECRET", "crash-test"},
                  {"ORDERS_SAGA_LEASE_MS", "1500"},
                  {"ORDERS_CALL_TIMEOUT_MS", "250"},
                  {"ORDERS_INLINE_PATIENCE_MS", "200"},
                  {"PLATFORM_FAULTS", faults}});
  }

  static std::string url(int port) { return "http://127.0.0.1:" + std::to_string(port); }

  platform::http::Response call(const std::string& method, int port, const std::string& path,
                                const std::string& token, const boost::json::value& body = nullptr,
                                const std::string& key = {}) {
    platform::http::ClientRequest request;
    request.method = method == "GET" ? platform::http::Method::get : platform::http::Method::post;
    request.url = url(port) + path;
    request.headers = platform::testing::TestIssuer::bearer(token);
    if (!body.is_null()) {
      request.body = boost::json::serialize(body);
      request.headers.set("Content-Type", "application/json");
    }
    if (!key.empty()) request.headers.set("Idempotency-Key", key);
    request.deadline = std::chrono::steady_clock::now() + 5s;
    // A client of its own per call: a pooled connection to a process killed
    // since would be the answer otherwise.
    platform::http::Client client(platform::http::ClientOptions{.max_attempts = 1});
    return client.send(std::move(request));
  }

  std::string save_card(const std::string& customer, const std::string& number) {
    const auto reply =
        call("POST", payments_port_, "/v1/payment-methods", issuer_.user_token(customer),
             {{"number", number},
              {"expiry_month", 12},
              {"expiry_year", 2040},
              {"cvc", "123"},
              {"holder", "Ada Lovelace"}});
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(boost::json::parse(reply.body).at("id").as_string());
  }

  boost::json::object order_body(const std::string& customer, const std::string& card) const {
    const auto euros = [](std::int64_t amount) {
      return boost::json::object{{"amount", amount}, {"currency", "EUR"}};
    };
    return {{"customer_id", customer},
            {"email", "ada@example.com"},
            {"currency", "EUR"},
            {"lines",
             {{{"product_id", product_},
               {"sku", "CRASH-1"},
               {"title", "Crash test lamp"},
               {"quantity", 2},
               {"unit_price", euros(2000)},
               {"subtotal", euros(4000)},
               {"discount", euros(0)},
               {"tax", euros(639)},
               {"total", euros(4000)}}}},
            {"totals",
             {{"merchandise", euros(4000)},
              {"discount", euros(0)},
              {"shipping", euros(490)},
              {"shipping_tax", euros(78)},
              {"tax", euros(717)},
              {"total", euros(4490)}}},
            {"prices_include_tax", true},
            {"shipping",
             {{"address",
               {{"recipient", "Ada"},
                {"line1", "Unter den Linden 1"},
                {"city", "Berlin"},
                {"postal_code", "10117"},
                {"country", "DE"}}},
              {"speed", "standard"},
              {"estimate", {{"min_days", 1}, {"max_days", 2}}}}},
            {"payment_method", card}};
  }

  // The customer's one order, as an admin sees it.
  boost::json::value order_of(const std::string& customer) {
    const auto reply =
        call("GET", orders_port_, "/v1/orders?customer_id=" + customer, issuer_.admin_token());
    if (reply.status != 200) return nullptr;
    const auto items = boost::json::parse(reply.body).at("items").as_array();
    return items.empty() ? boost::json::value(nullptr) : items[0];
  }

  // The lamp's stock as the catalog has it.
  boost::json::value inventory() {
    return boost::json::parse(
        call("GET", catalog_port_, "/v1/products/" + product_ + "/inventory", issuer_.admin_token())
            .body);
  }

  // Every payment the payment service holds for `order_id`.
  boost::json::array payments_of(const std::string& order_id) {
    return boost::json::parse(call("GET", payments_port_, "/v1/payments?order_id=" + order_id,
                                   issuer_.admin_token())
                                  .body)
        .at("items")
        .as_array();
  }

  // Calls `request` while orders is paused at the fault point, then kills it.
  void crash_during(std::unique_ptr<ChildProcess>& orders, const std::function<void()>& request) {
    auto pending = std::async(std::launch::async, [&] {
      try {
        request();
      } catch (const std::exception&) {
        // The process died under the request: no answer is what a client sees.
      }
    });
    ASSERT_TRUE(orders->wait_for_log("fault injected", 10s)) << orders->log();
    orders->stop(SIGKILL);
    pending.wait();
  }

  platform::testing::TestIssuer issuer_;
  platform::testing::JwksServer jwks_{issuer_};
  platform::testing::TemporaryDirectory directory_;
  std::unique_ptr<platform::testing::FreshDatabase> catalog_db_, payments_db_, orders_db_;
  int catalog_port_ = 0, payments_port_ = 0, orders_port_ = 0;
  std::unique_ptr<ChildProcess> catalog_, payments_;
  std::string product_;
};

TEST_P(CheckoutSagaCrash, EveryOrderEndsPaidOrCancelledWithStockAndMoneyAgreeing) {
  const auto& crash = GetParam();
  const auto customer = platform::new_uuid_v7();
  const auto card = save_card(customer, crash.card);
  const auto checkout = issuer_.service_token("cart", "orders.place");

  std::string fault(crash.point);
  fault += "=pause";
  auto orders = start_orders(crash.cancel_after ? "" : fault);
  if (crash.cancel_after) {
    const auto placed = call("POST", orders_port_, "/v1/orders", checkout,
                             order_body(customer, card), "crash-order");
    ASSERT_EQ(placed.status, 201) << placed.body;
    ASSERT_EQ(boost::json::parse(placed.body).at("status"), "paid");
    orders->stop(SIGTERM);
    orders = start_orders(fault);
    const std::string id(boost::json::parse(placed.body).at("id").as_string());
    crash_during(orders, [&] {
      const auto answer =
          call("POST", orders_port_, "/v1/orders/" + id + "/cancel", issuer_.user_token(customer));
      ADD_FAILURE() << "the cancellation was answered: " << answer.status << " " << answer.body;
    });
  } else {
    crash_during(orders, [&] {
      call("POST", orders_port_, "/v1/orders", checkout, order_body(customer, card), "crash-order");
    });
  }

  // Restarted, nobody asks again: the resumer finds the saga once the dead
  // process's lease lapsed.
  orders = start_orders("");
  boost::json::value order;
  const auto until = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < until) {
    order = order_of(customer);
    if (order.is_object() && !order.as_object().contains("processing") &&
        (order.at("status") == "paid" || order.at("status") == "cancelled")) {
      break;
    }
    std::this_thread::sleep_for(100ms);
  }
  ASSERT_TRUE(order.is_object()) << "the order was lost";
  ASSERT_FALSE(order.as_object().contains("processing")) << boost::json::serialize(order);
  EXPECT_EQ(order.at("status"), crash.expected) << boost::json::serialize(order);
  const std::string id(order.at("id").as_string());

  // The catalog: paid orders took 2 of 10; nothing stays reserved.
  const auto stock = inventory();
  const bool paid = order.at("status") == "paid";
  EXPECT_EQ(stock.at("on_hand"), paid ? 8 : 10);
  EXPECT_EQ(stock.at("reserved"), 0);

  // The payment service: a paid order has one authorization of its total;
  // a cancelled one holds nothing.
  const auto payments = payments_of(id);
  int authorized = 0;
  for (const auto& payment : payments) {
    if (payment.at("status") == "authorized") {
      ++authorized;
      EXPECT_EQ(payment.at("amount").at("amount"), 4490);
    }
  }
  EXPECT_EQ(authorized, paid ? 1 : 0) << boost::json::serialize(payments);
  EXPECT_LE(payments.size(), 1u) << "one authorization attempt per order, however often retried";
}

constexpr const char* kGood = "4242424242424242";
constexpr const char* kDeclined = "4000000000000002";

INSTANTIATE_TEST_SUITE_P(
    CrashPoints, CheckoutSagaCrash,
    ::testing::Values(CrashCase{"orders.saga.before.reserve_stock", kGood, false, "paid"},
                      CrashCase{"orders.saga.after.reserve_stock", kGood, false, "paid"},
                      CrashCase{"orders.saga.before.authorize_payment", kGood, false, "paid"},
                      CrashCase{"orders.saga.after.authorize_payment", kGood, false, "paid"},
                      CrashCase{"orders.saga.before.confirm_stock", kGood, false, "paid"},
                      CrashCase{"orders.saga.after.confirm_stock", kGood, false, "paid"},
                      CrashCase{"orders.saga.before.release_stock", kDeclined, false, "cancelled"},
                      CrashCase{"orders.saga.after.release_stock", kDeclined, false, "cancelled"},
                      CrashCase{"orders.saga.before.void_payment", kGood, true, "cancelled"},
                      CrashCase{"orders.saga.after.void_payment", kGood, true, "cancelled"}),
    case_name);

// A runner that dies after the authorization (and maybe the confirmation)
// leaves the saga stored at authorize_payment (ADR 12: that success is not
// stored on its own). The customer cancels before any resumer could finish
// the order: the money held is voided (found by order) and the stock
// released or returned.
class CancelAfterCrash : public CheckoutSagaCrash {};

TEST_P(CancelAfterCrash, NothingStaysHeldWhatTheDeadRunnerDid) {
  const auto& crash = GetParam();
  const auto customer = platform::new_uuid_v7();
  const auto card = save_card(customer, crash.card);
  auto orders = start_orders(std::string(crash.point) + "=pause");
  crash_during(orders, [&] {
    call("POST", orders_port_, "/v1/orders", issuer_.service_token("cart", "orders.place"),
         order_body(customer, card), "crash-order");
  });
  // Restarted with its resumer held back: only the cancellation acts.
  orders = start_orders("orders.saga.resume=pause");
  auto order = order_of(customer);
  ASSERT_TRUE(order.is_object()) << "the order was lost";
  const std::string id(order.at("id").as_string());
  const auto until = std::chrono::steady_clock::now() + 30s;
  int cancel_status = 0;
  while (std::chrono::steady_clock::now() < until) {
    // 409 order-busy while the dead runner's lease lasts.
    cancel_status =
        call("POST", orders_port_, "/v1/orders/" + id + "/cancel", issuer_.user_token(customer))
            .status;
    if (cancel_status == 200) break;
    std::this_thread::sleep_for(100ms);
  }
  ASSERT_EQ(cancel_status, 200);
  // The cancellation is stored; a process with a working resumer carries
  // it out (after ORDERS_SETTLE_MS: the dead runner's calls were in doubt).
  orders->stop(SIGKILL);  // its resumer is paused for good
  orders = start_orders("");
  while (std::chrono::steady_clock::now() < until) {
    order = order_of(customer);
    if (order.at("status") == "cancelled" && !order.as_object().contains("processing")) break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(order.at("status"), "cancelled") << boost::json::serialize(order);

  const auto stock = inventory();
  EXPECT_EQ(stock.at("on_hand"), 10);
  EXPECT_EQ(stock.at("reserved"), 0);
  const auto payments = payments_of(id);
  ASSERT_EQ(payments.size(), 1u) << boost::json::serialize(payments);
  EXPECT_EQ(payments[0].at("status"), "voided") << boost::json::serialize(payments);
}

INSTANTIATE_TEST_SUITE_P(
    CrashPoints, CancelAfterCrash,
    ::testing::Values(CrashCase{"orders.saga.after.authorize_payment", kGood, false, "cancelled"},
                      CrashCase{"orders.saga.after.confirm_stock", kGood, false, "cancelled"}),
    case_name);

}  // namespace
