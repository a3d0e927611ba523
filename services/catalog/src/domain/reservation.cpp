#include "domain/reservation.h"

#include <algorithm>
#include <map>

#include "platform/error.h"

namespace catalog {

std::string_view to_string(ReservationStatus status) {
  switch (status) {
    case ReservationStatus::held:
      return "held";
    case ReservationStatus::confirmed:
      return "confirmed";
    case ReservationStatus::released:
      return "released";
    case ReservationStatus::expired:
      return "expired";
    case ReservationStatus::returned:
      return "returned";
  }
  return "held";
}

std::optional<ReservationStatus> parse_reservation_status(std::string_view text) {
  if (text == "held") return ReservationStatus::held;
  if (text == "confirmed") return ReservationStatus::confirmed;
  if (text == "released") return ReservationStatus::released;
  if (text == "expired") return ReservationStatus::expired;
  if (text == "returned") return ReservationStatus::returned;
  return std::nullopt;
}

std::vector<ReservationLine> normalize_lines(std::vector<ReservationLine> lines) {
  if (lines.empty())
    throw platform::invalid_field("lines", "a reservation needs at least one line");
  std::map<std::string, std::int64_t> quantities;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].quantity < 1 || lines[i].quantity > 1000) {
      throw platform::invalid_field("lines[" + std::to_string(i) + "].quantity",
                                    "quantity must be 1 to 1000");
    }
    auto& total = quantities[lines[i].product_id];
    total += lines[i].quantity;
    if (total > 1000) {
      throw platform::invalid_field("lines[" + std::to_string(i) + "].quantity",
                                    "at most 1000 units of one product");
    }
  }
  if (quantities.size() > 100)
    throw platform::invalid_field("lines", "at most 100 distinct products");
  std::vector<ReservationLine> normalized;
  normalized.reserve(quantities.size());
  for (auto& [product_id, quantity] : quantities) normalized.push_back({product_id, quantity});
  return normalized;
}

}  // namespace catalog
