#include "domain/shipping.h"

#include <algorithm>

#include "platform/enum_names.h"
#include "platform/error.h"

namespace cart {

namespace {

constexpr platform::EnumNames<ShippingSpeed, 2> kSpeedNames{{{
    {ShippingSpeed::standard, "standard"},
    {ShippingSpeed::express, "express"},
}}};

}  // namespace

std::string_view to_string(ShippingSpeed speed) { return kSpeedNames.name(speed); }
std::optional<ShippingSpeed> parse_shipping_speed(std::string_view text) {
  return kSpeedNames.parse(text);
}

ShippingTable::ShippingTable(std::string currency, std::vector<ShippingZone> zones)
    : currency_(std::move(currency)), zones_(std::move(zones)) {}

const ShippingZone& ShippingTable::zone_for(std::string_view country) const {
  const ShippingZone* everywhere_else = nullptr;
  for (const auto& zone : zones_) {
    if (zone.countries.empty()) everywhere_else = &zone;
    if (std::find(zone.countries.begin(), zone.countries.end(), country) != zone.countries.end()) {
      return zone;
    }
  }
  if (everywhere_else == nullptr) {
    throw platform::unprocessable("destination-not-shipped",
                                  "the shop does not ship to " + std::string(country),
                                  "destination.country");
  }
  return *everywhere_else;
}

std::vector<ShippingOption> ShippingTable::options(std::string_view country, int grams) const {
  const auto& zone = zone_for(country);
  for (const auto& band : zone.bands) {
    if (grams <= band.max_grams) {
      return {{ShippingSpeed::standard, band.standard_price, zone.standard_days_min,
               zone.standard_days_max},
              {ShippingSpeed::express, band.express_price, zone.express_days_min,
               zone.express_days_max}};
    }
  }
  throw platform::unprocessable(
      "too-heavy-to-ship",
      "a parcel of " + std::to_string(grams) + " g is heavier than the carriers take", "lines");
}

ShippingTable default_shipping_table() {
  const std::vector<std::string> eu{"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
                                    "FR", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
                                    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
  return ShippingTable("EUR", {
                                  {"domestic",
                                   {"DE"},
                                   {{1000, 490, 990}, {5000, 690, 1490}, {20000, 1290, 2490}},
                                   1,
                                   2,
                                   1,
                                   1,
                                   5000},
                                  {"eu",
                                   eu,
                                   {{1000, 690, 1690}, {5000, 1190, 2490}, {20000, 1990, 3990}},
                                   3,
                                   5,
                                   1,
                                   2,
                                   10000},
                                  {"europe",
                                   {"GB", "CH", "NO"},
                                   {{1000, 990, 1990}, {5000, 1690, 2990}, {20000, 2990, 4990}},
                                   4,
                                   7,
                                   2,
                                   3,
                                   0},
                                  {"north_america",
                                   {"US", "CA"},
                                   {{1000, 1490, 2990}, {5000, 2490, 4490}, {20000, 4990, 7990}},
                                   6,
                                   10,
                                   2,
                                   4,
                                   0},
                                  {"world",
                                   {},
                                   {{1000, 1990, 3990}, {5000, 3490, 5990}, {20000, 6990, 9990}},
                                   8,
                                   15,
                                   3,
                                   5,
                                   0},
                              });
}

}  // namespace cart
