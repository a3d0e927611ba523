#include "domain/order_status.h"

#include <algorithm>
#include <array>
#include <utility>

#include "platform/enum_names.h"

namespace orders {

namespace {

constexpr platform::EnumNames<OrderStatus, 8> kNames{{{
    {OrderStatus::pending, "pending"},
    {OrderStatus::awaiting_payment, "awaiting_payment"},
    {OrderStatus::paid, "paid"},
    {OrderStatus::shipped, "shipped"},
    {OrderStatus::delivered, "delivered"},
    {OrderStatus::cancelled, "cancelled"},
    {OrderStatus::partially_refunded, "partially_refunded"},
    {OrderStatus::refunded, "refunded"},
}}};

using S = OrderStatus;
constexpr std::array kFromPending{S::awaiting_payment, S::cancelled};
constexpr std::array kFromAwaitingPayment{S::paid, S::cancelled};
constexpr std::array kFromPaid{S::shipped, S::cancelled};
constexpr std::array kFromShipped{S::delivered, S::partially_refunded, S::refunded};
constexpr std::array kFromDelivered{S::partially_refunded, S::refunded};
// A refund may come while the parcel travels; it still arrives.
constexpr std::array kFromPartiallyRefunded{S::delivered, S::partially_refunded, S::refunded};

}  // namespace

std::string_view to_string(OrderStatus status) { return kNames.name(status); }

std::optional<OrderStatus> parse_order_status(std::string_view text) { return kNames.parse(text); }

std::span<const OrderStatus> next_statuses(OrderStatus from) {
  switch (from) {
    case S::pending:
      return kFromPending;
    case S::awaiting_payment:
      return kFromAwaitingPayment;
    case S::paid:
      return kFromPaid;
    case S::shipped:
      return kFromShipped;
    case S::delivered:
      return kFromDelivered;
    case S::partially_refunded:
      return kFromPartiallyRefunded;
    case S::cancelled:
    case S::refunded:
      break;
  }
  return {};
}

bool may_move(OrderStatus from, OrderStatus to) {
  const auto next = next_statuses(from);
  return std::find(next.begin(), next.end(), to) != next.end();
}

bool is_cancellable(OrderStatus status) { return may_move(status, OrderStatus::cancelled); }

bool is_final(OrderStatus status) {
  return status == S::cancelled || status == S::refunded || status == S::delivered;
}

}  // namespace orders
