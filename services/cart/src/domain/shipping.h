#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cart {

enum class ShippingSpeed { standard, express };

std::string_view to_string(ShippingSpeed speed);
std::optional<ShippingSpeed> parse_shipping_speed(std::string_view text);

// One way to ship a basket, as offered to the customer.
struct ShippingOption {
  ShippingSpeed speed = ShippingSpeed::standard;
  std::int64_t price = 0;  // minor units, before any free-shipping promotion
  int min_days = 0;        // delivery estimate, working days
  int max_days = 0;
};

// Prices up to a weight, for both speeds.
struct WeightBand {
  int max_grams = 0;
  std::int64_t standard_price = 0;
  std::int64_t express_price = 0;
};

// Countries shipped to alike: rate bands by weight, delivery estimates, and
// the merchandise total from which standard shipping is free (0: never).
struct ShippingZone {
  std::string name;
  std::vector<std::string> countries;  // empty: every country no other zone names
  std::vector<WeightBand> bands;       // by rising weight
  int standard_days_min = 0, standard_days_max = 0;
  int express_days_min = 0, express_days_max = 0;
  std::int64_t free_standard_from = 0;
};

class ShippingTable {
 public:
  ShippingTable(std::string currency, std::vector<ShippingZone> zones);
  const std::string& currency() const noexcept { return currency_; }
  const ShippingZone& zone_for(std::string_view country) const;
  // Both speeds for a basket of `grams` to `country`. Throws
  // Error(unprocessable, "too-heavy-to-ship") beyond the heaviest band.
  std::vector<ShippingOption> options(std::string_view country, int grams) const;

 private:
  std::string currency_;
  std::vector<ShippingZone> zones_;
};

// The shop's rates in EUR: Germany, the rest of the EU, the rest of Europe,
// North America, the world.
ShippingTable default_shipping_table();

}  // namespace cart
