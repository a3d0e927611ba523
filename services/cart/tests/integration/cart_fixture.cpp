#include "cart_fixture.h"

#include "platform/ids.h"

namespace cart::testing {

namespace {

boost::json::object euros(std::int64_t amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

// The fixture's coupons; `suffix` makes the codes this test's own.
CouponBook test_coupons(const std::string& suffix) {
  const auto text = R"({"coupons": [
    {"code": "WELCOME10)" +
                    suffix + R"(", "kind": "percentage", "percent_basis_points": 1000},
    {"code": "TENOFF)" +
                    suffix + R"(", "kind": "fixed", "amount": {"amount": 1000, "currency": "EUR"},
     "minimum_spend": {"amount": 5000, "currency": "EUR"}},
    {"code": "ONCE)" +
                    suffix +
                    R"(", "kind": "percentage", "percent_basis_points": 500, "usage_limit": 1},
    {"code": "EXPIRED)" +
                    suffix + R"(", "kind": "percentage", "percent_basis_points": 500,
     "valid_until": "2020-01-01T00:00:00Z"},
    {"code": "LATER)" +
                    suffix + R"(", "kind": "percentage", "percent_basis_points": 500,
     "valid_from": "2099-01-01T00:00:00Z"}]})";
  return CouponBook::from_json(text);
}

}  // namespace

CartOptions CartTest::test_options() const {
  CartOptions options;
  options.coupons = test_coupons(coupon_suffix_);
  options.checkout.claim = std::chrono::milliseconds(8000);  // > 2 x the orders call timeout
  return options;
}

void CartTest::SetUp() {
  const auto backend = GetParam();
  catalog_.database = platform::testing::open_fresh_database(backend);
  if (!catalog_.database) GTEST_SKIP() << "backend not configured";
  payments_.database = platform::testing::open_fresh_database(backend);
  orders_.database = platform::testing::open_fresh_database(backend);
  coupon_suffix_ = normalize_coupon_code(platform::random_hex(4));
  if (backend == platform::testing::DatabaseBackend::postgres) {
    SHOP_REQUIRE_BACKEND(platform::testing::nats_url(), "NATS (SHOP_TEST_NATS_URL)");
    const auto redis = platform::testing::redis_url();
    SHOP_REQUIRE_BACKEND(redis, "Redis (SHOP_TEST_REDIS_URL)");
    store_ = platform::kv::open_key_value_store(*redis);
  } else {
    store_ =
        platform::kv::open_key_value_store("sqlite:" + (directory_.path() / "cart.db").string());
  }
  bus_ = platform::testing::open_test_bus(backend, "cart-test");
  events_ = std::make_unique<platform::testing::EventRecorder>(*bus_, "cart.>");

  catalog::CatalogService::migrate(catalog_.database->database());
  catalog_.service = std::make_unique<catalog::CatalogService>(catalog_.database->database(), *bus_,
                                                               registry_, issuer_.verifier());
  catalog_.serve("catalog-test", registry_);
  payments::PaymentsService::migrate(payments_.database->database());
  payments_.service = std::make_unique<payments::PaymentsService>(payments_.database->database(),
                                                                  registry_, issuer_.verifier());
  payments_.serve("payments-test", registry_);

  client_ = std::make_unique<platform::http::Client>();
  orders_tokens_ = std::make_unique<platform::testing::FixedTokenSource>(
      issuer_.service_token("orders", "catalog.reservations payments.charge"));
  orders::ParticipantEndpoints endpoints;
  endpoints.catalog_url = catalog_.url();
  endpoints.payments_url = payments_.url();
  endpoints.call_timeout = std::chrono::milliseconds(1000);
  participants_ =
      std::make_unique<orders::RemoteParticipants>(endpoints, *client_, *orders_tokens_);
  orders::OrdersService::migrate(orders_.database->database());
  orders_.service = std::make_unique<orders::OrdersService>(
      orders_.database->database(), *bus_, registry_, issuer_.verifier(), *participants_);
  orders_.serve("orders-test", registry_);

  cart_tokens_ = std::make_unique<platform::testing::FixedTokenSource>(
      issuer_.service_token("cart", "orders.place"));
  catalog_products_ = std::make_unique<CatalogProducts>(catalog_.url(), *client_);
  orders_client_ = std::make_unique<OrdersClient>(orders_.url(), *client_, *cart_tokens_,
                                                  std::chrono::milliseconds(3000));
  restart_cart(test_options());

  admin_catalog_.set_base_url(catalog_.url());
  admin_catalog_.acting_as(issuer_.admin_token());
  ASSERT_EQ(admin_catalog_.post("/v1/categories", {{"slug", "home"}, {"name", "Home"}}).status,
            201);
  payments_api_.set_base_url(payments_.url());
}

void CartTest::restart_cart(CartOptions options) {
  cart_.stop_service();
  if (options.coupons.all().empty()) options.coupons = test_coupons(coupon_suffix_);
  cart_.service =
      std::make_unique<CartService>(*store_, *bus_, registry_, issuer_.verifier(),
                                    *catalog_products_, *orders_client_, std::move(options));
  cart_.serve("cart-test", registry_);
  api_.set_base_url(cart_.url());
}

void CartTest::TearDown() {
  cart_.stop();
  orders_.stop();
  events_.reset();
  payments_.stop();
  catalog_.stop();
  bus_.reset();
}

std::string CartTest::create_product(const NewProduct& product) {
  const auto reply = admin_catalog_.post("/v1/products", {{"sku", product.sku},
                                                          {"title", "Item " + product.sku},
                                                          {"brand", "Acme"},
                                                          {"category", "home"},
                                                          {"price", euros(product.price)},
                                                          {"tax_category", product.tax_category},
                                                          {"weight_grams", product.weight_grams},
                                                          {"stock", {{"on_hand", product.stock}}}});
  EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  return reply.status == 201 ? std::string(reply.body.at("id").as_string()) : std::string();
}

void CartTest::set_price(const std::string& product_id, std::int64_t price) {
  const auto reply = admin_catalog_.patch("/v1/products/" + product_id, {{"price", euros(price)}});
  EXPECT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
}

std::int64_t CartTest::on_hand(const std::string& product_id) {
  const auto reply = admin_catalog_.get("/v1/products/" + product_id + "/inventory");
  EXPECT_EQ(reply.status, 200);
  return reply.status == 200 ? reply.body.at("on_hand").as_int64() : -1;
}

std::string CartTest::save_card(const std::string& customer, const std::string& number) {
  payments_api_.acting_as(issuer_.user_token(customer));
  const auto reply = payments_api_.post("/v1/payment-methods", {{"number", number},
                                                                {"expiry_month", 12},
                                                                {"expiry_year", 2040},
                                                                {"cvc", "123"},
                                                                {"holder", "Ada Lovelace"}});
  EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
  return reply.status == 201 ? std::string(reply.body.at("id").as_string()) : std::string();
}

boost::json::array CartTest::payments_of(const std::string& order_id) {
  payments_api_.acting_as(issuer_.admin_token());
  const auto reply = payments_api_.get("/v1/payments?order_id=" + order_id);
  EXPECT_EQ(reply.status, 200);
  return reply.status == 200 ? reply.body.at("items").as_array() : boost::json::array();
}

std::string CartTest::new_guest() {
  acting_as("");
  const auto reply = post("/v1/cart-tokens", boost::json::object{});
  EXPECT_EQ(reply.status, 201);
  return reply.status == 201 ? std::string(reply.body.at("cart_token").as_string()) : std::string();
}

Reply CartTest::as_guest(const std::string& cart_token, platform::http::Method method,
                         const std::string& path, const boost::json::value* body) {
  acting_as("");
  platform::http::Headers headers;
  headers.set("Cart-Token", cart_token);
  return call(method, path, body ? boost::json::serialize(*body) : std::string(),
              "application/json", std::move(headers));
}

Reply CartTest::as_customer(const std::string& customer, platform::http::Method method,
                            const std::string& path, const boost::json::value* body,
                            platform::http::Headers headers) {
  acting_as(issuer_.user_token(customer));
  return call(method, path, body ? boost::json::serialize(*body) : std::string(),
              "application/json", std::move(headers));
}

Reply CartTest::add_item(const std::string& customer, const std::string& product_id, int quantity) {
  const boost::json::value body{{"product_id", product_id}, {"quantity", quantity}};
  return as_customer(customer, platform::http::Method::post, "/v1/cart/items", &body);
}

Reply CartTest::checkout(const std::string& customer, const std::string& key,
                         const boost::json::object& body) {
  platform::http::Headers headers;
  headers.set("Idempotency-Key", key);
  const boost::json::value value = body;
  return as_customer(customer, platform::http::Method::post, "/v1/checkout", &value,
                     std::move(headers));
}

boost::json::object CartTest::checkout_body(const std::string& card,
                                            const std::string& coupon_code) {
  boost::json::object body{{"shipping_address",
                            {{"recipient", "Ada Lovelace"},
                             {"line1", "Unter den Linden 1"},
                             {"city", "Berlin"},
                             {"postal_code", "10117"},
                             {"country", "DE"}}},
                           {"payment_method", card},
                           {"email", "ada@example.com"}};
  if (!coupon_code.empty()) body["coupon"] = coupon_code;
  return body;
}

std::vector<boost::json::object> CartTest::cart_events() {
  std::vector<boost::json::object> data;
  for (const auto& event : events_->events()) {
    if (event.subject == "cart.item.added")
      data.push_back(boost::json::parse(event.data).as_object());
  }
  return data;
}

}  // namespace cart::testing
