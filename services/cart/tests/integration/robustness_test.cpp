// The cart under the races and half-finished work a reviewer would try:
// replays that find a checkout half settled, merges sent twice at once, a
// stale writer after a cart was emptied, an order whose outcome is not known
// yet, a full cart, ids in capitals.
#include <thread>

#include "cart_fixture.h"
#include "platform/crypto.h"
#include "platform/ids.h"

namespace cart::testing {
namespace {

using platform::http::Method;

class Robustness : public CartTest {
 protected:
  void SetUp() override {
    CartTest::SetUp();
    if (IsSkipped()) return;
    lamp_ = create_product({.sku = "LAMP-R", .price = 2999, .stock = 50});
    customer_ = platform::new_uuid_v7();
    card_ = save_card(customer_);
  }

  // The stored record of `customer_`'s checkout with `key`, to put it in
  // the state a crash would have left.
  std::string record_key(const std::string& key) const {
    return "checkout:" + platform::hex_encode(platform::crypto::sha256(customer_ + "\n" + key));
  }
  void rewrite_record(const std::string& key, const std::function<void(CheckoutRecord&)>& change) {
    const auto entry = store_->get(record_key(key));
    ASSERT_TRUE(entry);
    auto record = decode_record(entry->value);
    change(record);
    ASSERT_TRUE(store_->put_if_version(record_key(key), encode_record(record), entry->version,
                                       std::chrono::hours(1)));
  }
  std::vector<Reply> replays(int count, const std::string& key, const boost::json::object& body) {
    const auto token = issuer_.user_token(customer_);
    return platform::testing::at_once(count, [&](int) {
      platform::testing::ApiClient client(cart_.url());
      client.acting_as(token);
      platform::http::Headers headers;
      headers.set("Idempotency-Key", key);
      return client.post("/v1/checkout", body, std::move(headers));
    });
  }

  std::string lamp_, customer_, card_;
};

TEST_P(Robustness, ReplaysFindingAnUnclearedCartTakeTheOrderOutOnce) {
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  ASSERT_EQ(checkout(customer_, "r-1", checkout_body(card_)).status, 201);
  // As if the first request had died after recording the order: the cart
  // still to clear, and the shopper has put two lamps in it since.
  rewrite_record("r-1", [](CheckoutRecord& record) { record.cart_cleared = false; });
  ASSERT_EQ(add_item(customer_, lamp_, 2).status, 200);
  for (const auto& reply : replays(4, "r-1", checkout_body(card_))) {
    EXPECT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
  }
  EXPECT_EQ(as_customer(customer_, Method::get, "/v1/cart").body.at("item_count"), 1)
      << "the one ordered lamp leaves once";
}

TEST_P(Robustness, ReplaysOfAFailedOrderGiveItsCouponUseBackOnce) {
  const auto declined = save_card(customer_, "4000000000000002");
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  const auto body = checkout_body(declined, coupon("WELCOME10"));
  expect_problem(checkout(customer_, "r-2", body), 409, "order-not-placed");
  // As if the first request had died before giving the use back; another
  // order holds the coupon's other use.
  CouponUsage usage(*store_);
  const auto coupons = test_options().coupons;
  const auto* welcome = coupons.find(coupon("WELCOME10"));
  ASSERT_NE(welcome, nullptr);
  usage.take(*welcome);
  usage.take(*welcome);
  rewrite_record("r-2", [&](CheckoutRecord& record) { record.coupon_taken = welcome->code; });
  for (const auto& reply : replays(4, "r-2", body)) expect_problem(reply, 409, "order-not-placed");
  EXPECT_EQ(usage.times_used(welcome->code), 1);
}

TEST_P(Robustness, AnOrderStillProcessingKeepsTheCartUntilAReplaySettlesIt) {
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  const auto payments_port = payments_.server->port();
  payments_.server->stop(std::chrono::seconds(1));
  const auto waiting = checkout(customer_, "r-3", checkout_body(card_));
  ASSERT_EQ(waiting.status, 202) << boost::json::serialize(waiting.body);
  EXPECT_TRUE(waiting.body.as_object().contains("processing"));
  EXPECT_EQ(as_customer(customer_, Method::get, "/v1/cart").body.at("item_count"), 1)
      << "the outcome is not known: the cart stays";

  platform::http::ServerOptions options;
  options.port = payments_port;
  options.access_log = false;
  payments_.server =
      std::make_unique<platform::http::Server>(options, payments_.service->routes(), registry_);
  payments_.server->start();
  Reply settled;
  ASSERT_TRUE(platform::testing::eventually([&] {
    settled = checkout(customer_, "r-3", checkout_body(card_));
    return settled.status == 200 && settled.body.at("status") == "paid";
  })) << boost::json::serialize(settled.body);
  EXPECT_EQ(as_customer(customer_, Method::get, "/v1/cart").body.at("item_count"), 0);
}

TEST_P(Robustness, TwoMergesAtOnceMoveEachGuestLineOnce) {
  const auto guest = new_guest();
  const boost::json::value body{{"product_id", lamp_}, {"quantity", 3}};
  ASSERT_EQ(as_guest(guest, Method::post, "/v1/cart/items", &body).status, 200);
  const auto token = issuer_.user_token(customer_);
  const auto merges = platform::testing::at_once(3, [&](int) {
    platform::testing::ApiClient client(cart_.url());
    client.acting_as(token);
    platform::http::Headers headers;
    headers.set("Cart-Token", guest);
    return client.post("/v1/cart/merge", boost::json::object{}, std::move(headers));
  });
  for (const auto& reply : merges) EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(as_customer(customer_, Method::get, "/v1/cart").body.at("item_count"), 3);
}

TEST_P(Robustness, AWriterHoldingAVersionFromBeforeTheCartWasEmptiedLoses) {
  CartStore carts(*store_);
  const auto owner = CartOwner::customer(customer_);
  ASSERT_EQ(add_item(customer_, lamp_, 1).status, 200);
  const auto stale = carts.read(owner);
  ASSERT_EQ(as_customer(customer_, Method::delete_, "/v1/cart").status, 204);
  ASSERT_EQ(add_item(customer_, lamp_, 2).status, 200);
  EXPECT_FALSE(carts.save_if_version(owner, stale.cart, stale.version))
      << "an emptied cart keeps counting versions";
  EXPECT_EQ(as_customer(customer_, Method::get, "/v1/cart").body.at("item_count"), 2);
}

TEST_P(Robustness, AFullCartSaysSoWithoutAskingTheCatalogForTooMany) {
  for (std::size_t i = 0; i < kMaxCartLines; ++i) {
    const auto product = create_product({.sku = "FILL-" + std::to_string(i), .price = 100});
    ASSERT_EQ(add_item(customer_, product, 1).status, 200) << i;
  }
  expect_problem(add_item(customer_, lamp_, 1), 422, "cart-full");
}

TEST_P(Robustness, ProductIdsInCapitalsAreTheSameProducts) {
  std::string shouting = lamp_;
  for (auto& c : shouting) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  ASSERT_EQ(add_item(customer_, shouting, 1).status, 200);
  const boost::json::value two{{"quantity", 2}};
  const auto changed = as_customer(customer_, Method::put, "/v1/cart/items/" + shouting, &two);
  ASSERT_EQ(changed.status, 200) << boost::json::serialize(changed.body);
  EXPECT_EQ(changed.body.at("item_count"), 2);
  EXPECT_EQ(as_customer(customer_, Method::delete_, "/v1/cart/items/" + shouting).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, Robustness,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace cart::testing
