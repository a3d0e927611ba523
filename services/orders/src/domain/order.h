#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/checkout_saga.h"
#include "domain/order_status.h"
#include "platform/postal_address.h"

namespace orders {

using ShippingAddress = platform::PostalAddress;

// A line as priced at checkout: the figures are the quote's, kept as they
// were so the order shows what the customer agreed to pay.
struct OrderLine {
  std::string product_id;
  std::string sku;
  std::string title;
  std::int64_t quantity = 0;
  std::int64_t unit_price = 0;
  std::int64_t subtotal = 0;  // unit price × quantity
  std::int64_t discount = 0;
  std::int64_t tax = 0;    // contained in or added to subtotal - discount
  std::int64_t total = 0;  // what the customer pays for the line
  bool operator==(const OrderLine&) const = default;
};

struct Totals {
  std::int64_t merchandise = 0;  // Σ line subtotals
  std::int64_t discount = 0;     // Σ line discounts
  std::int64_t shipping = 0;
  std::int64_t shipping_tax = 0;
  std::int64_t tax = 0;    // Σ line taxes + shipping tax
  std::int64_t total = 0;  // Σ line totals + shipping (+ its tax where added)
  bool operator==(const Totals&) const = default;
};

struct Shipping {
  ShippingAddress address;
  std::string speed;  // standard, express
  int min_days = 0;   // delivery estimate, working days
  int max_days = 0;
  bool operator==(const Shipping&) const = default;
};

// What checkout hands over: a priced basket, where it goes, how it is paid.
struct OrderDraft {
  std::string customer_id;
  std::string email;
  std::string currency;
  std::vector<OrderLine> lines;
  Totals totals;
  bool prices_include_tax = false;
  std::string tax_name;
  std::string coupon;
  Shipping shipping;
  std::string payment_method;
  bool operator==(const OrderDraft&) const = default;
};

// One point of the tracking timeline.
struct StatusChange {
  OrderStatus status = OrderStatus::pending;
  std::string note;  // carrier and tracking number, why it was cancelled...
  std::int64_t at = 0;
};

struct Order {
  std::string id;
  std::string placed_by;  // the checkout client that placed it
  OrderDraft draft;
  OrderStatus status = OrderStatus::pending;
  std::int64_t refunded = 0;
  std::string carrier;
  std::string tracking_number;
  std::string cancel_reason;
  SagaState saga;
  std::vector<StatusChange> history;
  std::int64_t created_at = 0;  // Unix milliseconds
  std::int64_t updated_at = 0;
};

// The most lines one order may have, and units of one product per line.
inline constexpr std::size_t kMaxLines = 100;
inline constexpr std::int64_t kMaxQuantity = 1000;

// Checks that the figures of `draft` add up the way a quote's do (see
// services/cart/src/domain/quote.h): each line's subtotal is unit price ×
// quantity and its total the subtotal less discount (plus tax where prices
// exclude it); the totals are the sums of the lines plus shipping. Throws
// Error(unprocessable, "totals-inconsistent") naming the first figure that
// does not, so a checkout bug never becomes a wrong charge.
void check_figures(const OrderDraft& draft);

// Σ quantities, for summaries.
std::int64_t item_count(const OrderDraft& draft);

// Whether `order` may be refunded `amount` more: shipped or later, and no
// more than what is left. Throws Error(conflict | unprocessable) saying why not.
void check_refund(const Order& order, std::int64_t amount);

// The status after refunding `amount` more.
OrderStatus status_after_refund(const Order& order, std::int64_t amount);

}  // namespace orders
