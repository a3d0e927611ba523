#include <gtest/gtest.h>

#include "checkout/checkout_record.h"
#include "platform/error.h"
#include "store/cart_store.h"

namespace cart {
namespace {

TEST(StoredCart, RoundTripsEveryField) {
  Cart cart;
  cart.currency = "EUR";
  cart.created_at = 100;
  cart.updated_at = 200;
  CartLine line{"p-1", "SKU-1", "Lamp \"deluxe\"", 1999, TaxCategory::reduced, 750, 2, 150, 2199};
  cart.lines.push_back(line);
  line.product_id = "p-2";
  line.previous_unit_price.reset();
  cart.lines.push_back(line);
  EXPECT_EQ(decode_cart(encode_cart(cart)), cart);
}

TEST(StoredCart, AValueThisCodeDidNotWriteIsAnInternalError) {
  for (const auto* stored : {"", "[]", R"({"format": 2})", R"({"format": 1, "currency": "EUR"})"}) {
    try {
      decode_cart(stored);
      ADD_FAILURE() << stored;
    } catch (const platform::Error& error) {
      EXPECT_EQ(error.kind(), platform::ErrorKind::internal) << stored;
    }
  }
}

TEST(StoredCart, GuestCartsAreKeptUnderTheTokensDigestNotTheToken) {
  const auto owner = CartOwner::guest("secret-token");
  EXPECT_EQ(owner.id.find("secret"), std::string::npos);
  EXPECT_EQ(owner.id.size(), 64u);
  EXPECT_EQ(owner.id, CartOwner::guest("secret-token").id);
  EXPECT_NE(owner.id, CartOwner::guest("secret-token2").id);
}

TEST(CheckoutRecords, RoundTripEveryField) {
  CheckoutRecord record;
  record.state = CheckoutRecord::State::placed;
  record.request_hash = "abc";
  record.claimed_until = 42;
  record.draft = R"({"lines":[]})";
  record.coupon_taken = "WELCOME10";
  record.order_id = "o-1";
  record.cart_cleared = true;
  const auto decoded = decode_record(encode_record(record));
  EXPECT_EQ(decoded.state, record.state);
  EXPECT_EQ(decoded.request_hash, record.request_hash);
  EXPECT_EQ(decoded.claimed_until, record.claimed_until);
  EXPECT_EQ(decoded.draft, record.draft);
  EXPECT_EQ(decoded.coupon_taken, record.coupon_taken);
  EXPECT_EQ(decoded.order_id, record.order_id);
  EXPECT_TRUE(decoded.cart_cleared);
  EXPECT_THROW(decode_record(R"({"state": "lost"})"), platform::Error);
}

}  // namespace
}  // namespace cart
