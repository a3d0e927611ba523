#include "domain/order_summary.h"

#include <array>

namespace customers {
namespace {

constexpr std::array<std::string_view, 6> kStatusNames = {"placed",    "paid",      "shipped",
                                                          "delivered", "cancelled", "refunded"};

int rank(OrderStatus status) { return static_cast<int>(status); }

}  // namespace

std::string_view to_string(OrderStatus status) { return kStatusNames[rank(status)]; }

std::optional<OrderStatus> parse_order_status(std::string_view text) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == text) return static_cast<OrderStatus>(i);
  }
  return std::nullopt;
}

bool supersedes(const OrderSummary& incoming, const OrderSummary& stored) {
  if (incoming.updated_at != stored.updated_at) return incoming.updated_at > stored.updated_at;
  return rank(incoming.status) >= rank(stored.status);
}

}  // namespace customers
