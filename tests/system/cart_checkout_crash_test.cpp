// The cart service killed with SIGKILL at each step of a checkout (the fault
// point pauses it there, the test kills it): after a restart, the shopper
// sending the same request again with the same Idempotency-Key gets the one
// order there is, paid once, with the stock taken once and the coupon used
// once. The cart is emptied of what was ordered, except after a crash
// between recording that it will be and doing it: ADR 13 accepts leaving the
// lines there (never taking them out twice).
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>
#include <cctype>
#include <fstream>
#include <future>
#include <thread>

#include "distributed_shop.h"
#include "platform/ids.h"
#include "platform/testing/api_client.h"
#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;
using platform::testing::ApiClient;
using platform::testing::Reply;

struct CrashCase {
  const char* point;  // cart.checkout.<step>
  bool cart_cleared;  // what the cart holds afterwards
};

// "after_claim" for "cart.checkout.after_claim".
std::string step_of(const CrashCase& crash) {
  return std::string(
      std::string_view(crash.point).substr(std::string_view("cart.checkout.").size()));
}

std::string case_name(const ::testing::TestParamInfo<CrashCase>& info) {
  return step_of(info.param);
}

// Use counts live in the shared Redis: a code of this run's own. Upper
// case: the cart normalises codes so.
const std::string kRun = platform::random_hex(4);
std::string coupon_of(const CrashCase& crash) {
  std::string code = "CRASH-" + kRun + "-" + step_of(crash);
  for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

const CrashCase kCases[] = {{"cart.checkout.after_claim", true},
                            {"cart.checkout.after_prepare", true},
                            {"cart.checkout.after_place", true},
                            {"cart.checkout.after_record", true},
                            {"cart.checkout.after_settle_record", false}};

boost::json::object euros(std::int64_t amount) { return {{"amount", amount}, {"currency", "EUR"}}; }

// One shop for every case: each has its own customer, product and coupon.
class CartCheckoutCrash : public ::testing::TestWithParam<CrashCase> {
 protected:
  static void SetUpTestSuite() {
    if (!shop::testing::DistributedShop::infrastructure_configured()) return;
    directory_ = std::make_unique<platform::testing::TemporaryDirectory>();
    shop_ = std::make_unique<shop::testing::DistributedShop>(
        directory_->path(), shop::testing::DistributedShop::Options{.argon2_memory_kib = 8192});
    boost::json::array coupons;
    for (const auto& crash : kCases) {
      coupons.push_back(
          {{"code", coupon_of(crash)}, {"kind", "percentage"}, {"percent_basis_points", 1000}});
    }
    const auto file = directory_->path() / "coupons.json";
    std::ofstream(file) << boost::json::serialize(boost::json::object{{"coupons", coupons}});
    // A short call timeout lets the dead request's claim on the key lapse
    // soon (the claim must outlast two calls and a margin: 2 x 2 s + 10 s).
    shop_->restart("cart", SIGTERM,
                   {{"CART_COUPONS_FILE", file.string()},
                    {"CART_CALL_TIMEOUT_MS", "2000"},
                    {"CART_CHECKOUT_CLAIM_MS", "14500"}});
    admin_token_ = shop_->admin_token();
    ASSERT_EQ(client("catalog", admin_token_)
                  ->post("/v1/categories", {{"slug", "crash"}, {"name", "Crash"}})
                  .status,
              201);
  }

  static void TearDownTestSuite() {
    shop_.reset();
    directory_.reset();
  }

  void SetUp() override {
    SHOP_REQUIRE_BACKEND(shop_ != nullptr, "PostgreSQL, Redis and NATS (SHOP_TEST_*)");
  }

  // A client per phase: pooled connections to a killed process are useless.
  static std::unique_ptr<ApiClient> client(const std::string& service, const std::string& token) {
    auto client = std::make_unique<ApiClient>(shop_->service_url(service));
    client->acting_as(token);
    return client;
  }

  static inline std::unique_ptr<platform::testing::TemporaryDirectory> directory_;
  static inline std::unique_ptr<shop::testing::DistributedShop> shop_;
  static inline std::string admin_token_;
};

TEST_P(CartCheckoutCrash, TheSameKeyAfterARestartGivesTheOneOrderPaidOnce) {
  const auto& crash = GetParam();
  const auto name = step_of(crash);
  const auto token = shop_->sign_up(name + "@crash.example.com", "amber kettle meadow 7731");

  const auto product = client("catalog", admin_token_)
                           ->post("/v1/products", {{"sku", "CRASH-" + name},
                                                   {"title", "Crash lamp " + name},
                                                   {"brand", "Lumen"},
                                                   {"category", "crash"},
                                                   {"price", euros(2500)},
                                                   {"stock", {{"on_hand", 10}}}});
  ASSERT_EQ(product.status, 201) << boost::json::serialize(product.body);
  const std::string product_id(product.body.at("id").as_string());
  const auto card = client("payments", token)
                        ->post("/v1/payment-methods", {{"number", "4242424242424242"},
                                                       {"expiry_month", 12},
                                                       {"expiry_year", 2040},
                                                       {"cvc", "123"},
                                                       {"holder", "Ada"}});
  ASSERT_EQ(card.status, 201) << boost::json::serialize(card.body);
  ASSERT_EQ(client("cart", token)
                ->post("/v1/cart/items", {{"product_id", product_id}, {"quantity", 2}})
                .status,
            200);

  const boost::json::object checkout{{"shipping_address",
                                      {{"recipient", "Ada"},
                                       {"line1", "Unter den Linden 1"},
                                       {"city", "Berlin"},
                                       {"postal_code", "10117"},
                                       {"country", "DE"}}},
                                     {"shipping_speed", "standard"},
                                     {"payment_method", card.body.at("id")},
                                     {"email", name + "@crash.example.com"},
                                     {"coupon", coupon_of(crash)}};
  platform::http::Headers key;
  key.set("Idempotency-Key", "crash-" + name);

  shop_->restart("cart", SIGTERM, {{"PLATFORM_FAULTS", std::string(crash.point) + "=pause"}});
  auto pending = std::async(std::launch::async, [&] {
    try {
      client("cart", token)->post("/v1/checkout", checkout, key);
    } catch (const std::exception&) {
      // The process died under the request: no answer is what a client sees.
    }
  });
  ASSERT_TRUE(shop_->process("cart").wait_for_log("fault injected", 20s)) << shop_->log("cart");
  shop_->restart("cart", SIGKILL, {{"PLATFORM_FAULTS", ""}});
  pending.wait();

  // The shopper tries again with the same key until the dead request's
  // claim on it has lapsed.
  Reply answer;
  const auto until = std::chrono::steady_clock::now() + 40s;
  while (std::chrono::steady_clock::now() < until) {
    answer = client("cart", token)->post("/v1/checkout", checkout, key);
    if (answer.status == 200 || answer.status == 201) break;
    ASSERT_TRUE(answer.status == 409 || answer.status == 202)
        << answer.status << " " << boost::json::serialize(answer.body);
    std::this_thread::sleep_for(250ms);
  }
  ASSERT_TRUE(answer.status == 200 || answer.status == 201)
      << answer.status << " " << boost::json::serialize(answer.body);
  ASSERT_EQ(answer.body.at("status"), "paid") << boost::json::serialize(answer.body);
  const std::string order_id(answer.body.at("id").as_string());
  const auto total = answer.body.at("totals").at("total").at("amount").as_int64();
  EXPECT_EQ(answer.body.at("totals").at("discount").at("amount").as_int64(), 500)
      << "the coupon's 10% of 50.00";

  // One order for the shopper, and a replay names it again.
  const auto orders = client("orders", token)->get("/v1/orders");
  ASSERT_EQ(orders.status, 200);
  ASSERT_EQ(orders.body.at("items").as_array().size(), 1u) << boost::json::serialize(orders.body);
  EXPECT_EQ(orders.body.at("items").at(0).at("id").as_string(), order_id);
  const auto replay = client("cart", token)->post("/v1/checkout", checkout, key);
  ASSERT_EQ(replay.status, 200) << boost::json::serialize(replay.body);
  EXPECT_EQ(replay.body.at("id").as_string(), order_id);

  // Charged once, the order's total.
  const auto payments = client("payments", admin_token_)->get("/v1/payments?order_id=" + order_id);
  ASSERT_EQ(payments.status, 200);
  const auto& items = payments.body.at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << boost::json::serialize(payments.body);
  EXPECT_EQ(items[0].at("status"), "authorized");
  EXPECT_EQ(items[0].at("amount").at("amount").as_int64(), total);

  // The stock taken once, nothing left held.
  const auto inventory =
      client("catalog", admin_token_)->get("/v1/products/" + product_id + "/inventory");
  EXPECT_EQ(inventory.body.at("on_hand").as_int64(), 8);
  EXPECT_EQ(inventory.body.at("reserved").as_int64(), 0);

  // The coupon used once.
  const auto coupons = client("cart", admin_token_)->get("/v1/coupons");
  ASSERT_EQ(coupons.status, 200);
  int times_used = -1;
  for (const auto& coupon : coupons.body.at("items").as_array()) {
    if (coupon.at("code").as_string() == coupon_of(crash))
      times_used = coupon.at("times_used").to_number<int>();
  }
  EXPECT_EQ(times_used, 1);

  // The cart: emptied of what was ordered, or (the accepted loss) not.
  const auto cart = client("cart", token)->get("/v1/cart");
  ASSERT_EQ(cart.status, 200);
  const auto& lines = cart.body.at("lines").as_array();
  if (crash.cart_cleared) {
    EXPECT_TRUE(lines.empty()) << boost::json::serialize(cart.body);
  } else {
    ASSERT_EQ(lines.size(), 1u) << boost::json::serialize(cart.body);
    EXPECT_EQ(lines[0].at("quantity").as_int64(), 2);
  }
}

INSTANTIATE_TEST_SUITE_P(CrashPoints, CartCheckoutCrash, ::testing::ValuesIn(kCases), case_name);

}  // namespace
