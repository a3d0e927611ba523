#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace catalog {

// held -> confirmed (the order was paid: the held units leave on hand and reserved)
// held -> released (the order was cancelled) | expired (nobody confirmed in time)
// confirmed -> returned (the paid order was cancelled before shipment: its
//                        stock goes back on hand)
// released, expired and returned are final.
enum class ReservationStatus { held, confirmed, released, expired, returned };

std::string_view to_string(ReservationStatus status);
std::optional<ReservationStatus> parse_reservation_status(std::string_view text);

struct ReservationLine {
  std::string product_id;
  std::int64_t quantity = 0;
  bool operator==(const ReservationLine&) const = default;
};

struct Reservation {
  std::string id;
  std::string order_id;
  ReservationStatus status = ReservationStatus::held;
  std::vector<ReservationLine> lines;
  std::int64_t expires_at = 0;  // Unix milliseconds
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> returned_at;  // Unix milliseconds; set once returned
};

// Merges repeated products and sorts by product id. The sort matters: every
// transaction then touches inventory rows in the same order, so concurrent
// reservations of overlapping baskets cannot deadlock. Throws
// Error(invalid_argument) for empty baskets, quantities outside 1..1000 or more
// than 100 distinct products.
std::vector<ReservationLine> normalize_lines(std::vector<ReservationLine> lines);

constexpr std::int64_t kMinimumHoldSeconds = 1;
constexpr std::int64_t kMaximumHoldSeconds = std::int64_t{24} * 3600;

}  // namespace catalog
