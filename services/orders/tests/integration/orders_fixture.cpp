#include "orders_fixture.h"

#include "platform/ids.h"

namespace orders::testing {

namespace {

boost::json::object euros(std::int64_t amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

}  // namespace

void SwitchableParticipants::fail(SagaStep step, bool failing) {
  std::lock_guard lock(mutex_);
  failing_[step] = failing;
}

bool SwitchableParticipants::failing(SagaStep step) {
  std::lock_guard lock(mutex_);
  return failing_[step];
}

#define ORDERS_SWITCHED_STEP(name)                                                 \
  StepResult SwitchableParticipants::name(const Order& order) {                    \
    if (failing(SagaStep::name)) return {StepOutcome::failed, {}, "switched off"}; \
    return real_.name(order);                                                      \
  }
ORDERS_SWITCHED_STEP(reserve_stock)
ORDERS_SWITCHED_STEP(authorize_payment)
ORDERS_SWITCHED_STEP(confirm_stock)
ORDERS_SWITCHED_STEP(void_payment)
ORDERS_SWITCHED_STEP(release_stock)
#undef ORDERS_SWITCHED_STEP

OrdersOptions OrdersTest::quick_options() {
  OrdersOptions options;
  options.saga.policy.first_retry = std::chrono::milliseconds(20);
  options.saga.policy.longest_retry = std::chrono::milliseconds(100);
  options.saga.policy.step_deadline = std::chrono::milliseconds(600);
  options.saga.policy.settle_time = std::chrono::milliseconds(100);
  options.saga.lease = std::chrono::milliseconds(2000);
  options.saga.inline_patience = std::chrono::milliseconds(200);
  options.resume_interval = std::chrono::milliseconds(50);
  return options;
}

void OrdersTest::SetUp() {
  const auto backend = GetParam();
  catalog_.database = platform::testing::open_fresh_database(backend);
  if (!catalog_.database) GTEST_SKIP() << "backend not configured";
  payments_.database = platform::testing::open_fresh_database(backend);
  orders_.database = platform::testing::open_fresh_database(backend);
  if (backend == platform::testing::DatabaseBackend::postgres) {
    SHOP_REQUIRE_BACKEND(platform::testing::nats_url(), "NATS (SHOP_TEST_NATS_URL)");
  }
  bus_ = platform::testing::open_test_bus(backend, "orders-test");
  events_ = std::make_unique<platform::testing::EventRecorder>(*bus_, "orders.>");

  catalog::CatalogService::migrate(catalog_.database->database());
  catalog_.service = std::make_unique<catalog::CatalogService>(catalog_.database->database(), *bus_,
                                                               registry_, issuer_.verifier());
  catalog_.serve("catalog-test", registry_);
  payments::PaymentsService::migrate(payments_.database->database());
  payments_.service = std::make_unique<payments::PaymentsService>(payments_.database->database(),
                                                                  registry_, issuer_.verifier());
  payments_.serve("payments-test", registry_);

  client_ = std::make_unique<platform::http::Client>();
  tokens_ = std::make_unique<platform::testing::FixedTokenSource>(
      issuer_.service_token("orders", "catalog.reservations payments.charge"));
  ParticipantEndpoints endpoints;
  endpoints.catalog_url = catalog_.url();
  endpoints.payments_url = payments_.url();
  endpoints.call_timeout = std::chrono::milliseconds(1000);
  remote_ = std::make_unique<RemoteParticipants>(endpoints, *client_, *tokens_);
  participants_ = std::make_unique<SwitchableParticipants>(*remote_);
  OrdersService::migrate(orders_.database->database());
  restart_orders(quick_options());

  catalog_api_.set_base_url(catalog_.url());
  catalog_api_.acting_as(issuer_.admin_token());
  ASSERT_EQ(catalog_api_.post("/v1/categories", {{"slug", "home"}, {"name", "Home"}}).status, 201);
  payments_api_.set_base_url(payments_.url());
}

void OrdersTest::restart_orders(OrdersOptions options) {
  orders_.stop_service();
  orders_.service = std::make_unique<OrdersService>(orders_.database->database(), *bus_, registry_,
                                                    issuer_.verifier(), *participants_, options);
  orders_.serve("orders-test", registry_);
  api_.set_base_url(orders_.url());
  api_.acting_as(checkout_token());
}

void OrdersTest::TearDown() {
  orders_.stop();
  events_.reset();
  payments_.stop();
  catalog_.stop();
  bus_.reset();
}

std::string OrdersTest::create_product(const std::string& sku, std::int64_t price,
                                       std::int64_t stock) {
  const auto reply = catalog_api_.post("/v1/products", {{"sku", sku},
                                                        {"title", "Lamp " + sku},
                                                        {"brand", "Lumen"},
                                                        {"category", "home"},
                                                        {"price", euros(price)},
                                                        {"stock", {{"on_hand", stock}}}});
  EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  return reply.status == 201 ? std::string(reply.body.at("id").as_string()) : std::string();
}

std::string OrdersTest::save_card(const std::string& customer, const std::string& number) {
  payments_api_.acting_as(customer_token(customer));
  const auto reply = payments_api_.post("/v1/payment-methods", {{"number", number},
                                                                {"expiry_month", 12},
                                                                {"expiry_year", 2040},
                                                                {"cvc", "123"},
                                                                {"holder", "Ada Lovelace"}});
  EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  return reply.status == 201 ? std::string(reply.body.at("id").as_string()) : std::string();
}

boost::json::object OrdersTest::order_body(const std::string& customer, const std::string& card,
                                           const std::vector<Item>& items) const {
  boost::json::array lines;
  std::int64_t merchandise = 0, tax = 0;
  for (const auto& item : items) {
    const auto subtotal = item.unit_price * item.quantity;
    const auto line_tax = (subtotal * 19 + 59) / 119;  // the VAT a gross price contains
    lines.push_back({{"product_id", item.product_id},
                     {"sku", "SKU-" + item.product_id.substr(item.product_id.size() - 6)},
                     {"title", "Lamp"},
                     {"quantity", item.quantity},
                     {"unit_price", euros(item.unit_price)},
                     {"subtotal", euros(subtotal)},
                     {"discount", euros(0)},
                     {"tax", euros(line_tax)},
                     {"total", euros(subtotal)}});
    merchandise += subtotal;
    tax += line_tax;
  }
  constexpr std::int64_t shipping = 490, shipping_tax = 78;
  return {{"customer_id", customer},
          {"email", "ada@example.com"},
          {"currency", "EUR"},
          {"lines", std::move(lines)},
          {"totals",
           {{"merchandise", euros(merchandise)},
            {"discount", euros(0)},
            {"shipping", euros(shipping)},
            {"shipping_tax", euros(shipping_tax)},
            {"tax", euros(tax + shipping_tax)},
            {"total", euros(merchandise + shipping)}}},
          {"prices_include_tax", true},
          {"tax_name", "VAT DE"},
          {"shipping",
           {{"address",
             {{"recipient", "Ada Lovelace"},
              {"line1", "Unter den Linden 1"},
              {"city", "Berlin"},
              {"postal_code", "10117"},
              {"country", "DE"}}},
            {"speed", "standard"},
            {"estimate", {{"min_days", 1}, {"max_days", 2}}}}},
          {"payment_method", card}};
}

Reply OrdersTest::place(const boost::json::object& body, const std::string& key) {
  platform::http::Headers headers;
  headers.set("Idempotency-Key", key);
  return api_.post("/v1/orders", body, std::move(headers));
}

std::pair<std::int64_t, std::int64_t> OrdersTest::stock_of(const std::string& product_id) {
  const auto reply = catalog_api_.get("/v1/products/" + product_id + "/inventory");
  EXPECT_EQ(reply.status, 200);
  if (reply.status != 200) return {-1, -1};
  return {reply.body.at("on_hand").as_int64(), reply.body.at("reserved").as_int64()};
}

boost::json::array OrdersTest::payments_of(const std::string& order_id) {
  payments_api_.acting_as(issuer_.admin_token());
  const auto reply = payments_api_.get("/v1/payments?order_id=" + order_id);
  EXPECT_EQ(reply.status, 200);
  return reply.status == 200 ? reply.body.at("items").as_array() : boost::json::array();
}

std::vector<std::string> OrdersTest::events_of(const std::string& order_id) {
  std::vector<std::string> subjects;
  for (const auto& event : events_->events()) {
    const auto data = boost::json::parse(event.data).as_object();
    if (data.at("order_id").as_string() == order_id) subjects.push_back(event.subject);
  }
  return subjects;
}

}  // namespace orders::testing
