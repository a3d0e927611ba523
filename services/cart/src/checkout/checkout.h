#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <string>

#include "checkout/cart_pricing.h"
#include "checkout/checkout_record.h"
#include "checkout/order_draft.h"
#include "checkout/orders_client.h"
#include "platform/http/idempotency.h"
#include "platform/kv/key_value_store.h"

namespace cart {

struct CheckoutSettings {
  // How long one request may work on a checkout before a retry with the
  // same key may take it over (after a crash): longer than everything one
  // checkout does, two calls to other services above all.
  std::chrono::milliseconds claim{std::chrono::seconds(60)};
  // How long a key is remembered, as the Idempotency-Key draft suggests.
  std::chrono::milliseconds keep{std::chrono::hours(24)};
};

struct CheckoutResult {
  boost::json::object order;  // as the orders service shows it
  bool replayed = false;      // this key had placed it before
};

// POST /v1/checkout: quotes the customer's cart again, places the order
// through the orders service and clears what was ordered from the cart,
// exactly once per Idempotency-Key (see checkout_record.h, and ADR 13).
// Every write of the checkout's record names the version it read: two
// requests with one key never both act on the same state.
class Checkout {
 public:
  Checkout(platform::kv::KeyValueStore& store, CartStore& carts, CartPricing& pricing,
           CouponUsage& usage, OrdersClient& orders, CheckoutSettings settings = {});

  // Throws Error(unprocessable, "idempotency-key-reused") for a key sent
  // before with another request, Error(conflict, "idempotency-key-in-use")
  // while another request works on it, and what pricing and the orders
  // service throw (a refusal forgets the key, so it may be retried; an
  // unreachable orders service keeps it, so a retry finds the order).
  CheckoutResult run(const std::string& customer_id, const platform::http::KeyedRequest& keyed,
                     const CheckoutInput& input);

 private:
  struct Held {
    std::string key;
    CheckoutRecord record;
    std::int64_t version = 0;
  };
  Held claim(const std::string& key, const std::string& request_hash);
  // Prices the cart into the record's draft, taking a coupon use.
  void prepare(const std::string& customer_id, const CheckoutInput& input, Held& held);
  // Writes `held.record` over the version held; false when another request
  // wrote first (it carries on with the key).
  bool write(Held& held);
  void forget(Held& held);
  // Settles what follows from the order's outcome: a failed order's coupon
  // use given back, a paid one's lines out of the cart; each at most once.
  void settle(const std::string& customer_id, Held& held, const boost::json::object& order);

  platform::kv::KeyValueStore& store_;
  CartStore& carts_;
  CartPricing& pricing_;
  CouponUsage& usage_;
  OrdersClient& orders_;
  CheckoutSettings settings_;
};

// Whether the orders service ended the order without placing it (stock or
// payment refused): nothing was charged, the cart stays as it is.
bool order_failed(const boost::json::object& order);
// Whether the order's saga still waits on a service: its outcome is not
// known yet.
bool order_processing(const boost::json::object& order);

}  // namespace cart
