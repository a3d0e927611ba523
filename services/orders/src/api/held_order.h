#pragma once

#include <string_view>

#include "store/orders_store.h"

namespace orders {

// An order claimed by a request for a change that calls another service
// (ship, refund), given back when the request ends however it ends.
class HeldOrder {
 public:
  // Throws Error(not_found) for an unknown order and Error(conflict,
  // "order-busy") while another change holds it.
  HeldOrder(OrdersStore& store, std::string_view id, std::int64_t lease_millis);
  ~HeldOrder();
  HeldOrder(const HeldOrder&) = delete;
  HeldOrder& operator=(const HeldOrder&) = delete;

  const Order& order() const { return claimed_.order; }
  const ClaimedOrder& claimed() const { return claimed_; }
  // Hands the claim over (to the saga runner, which gives it back itself).
  ClaimedOrder take();

 private:
  OrdersStore& store_;
  ClaimedOrder claimed_;
  bool held_ = true;
};

}  // namespace orders
