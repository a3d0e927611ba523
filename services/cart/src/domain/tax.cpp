#include "domain/tax.h"

#include <array>
#include <cstdlib>
#include <utility>

#include "platform/enum_names.h"
#include "platform/error.h"

namespace cart {

namespace {

constexpr platform::EnumNames<TaxCategory, 3> kCategoryNames{{{
    {TaxCategory::standard, "standard"},
    {TaxCategory::reduced, "reduced"},
    {TaxCategory::zero, "zero"},
}}};

struct Vat {
  const char* country;
  std::int32_t standard_ppm;
  std::int32_t reduced_ppm;
};

// Standard rate and the reduced rate applied to books and food, 2025.
constexpr std::array<Vat, 30> kVat{{
    {"AT", 200000, 100000}, {"BE", 210000, 60000},  {"BG", 200000, 90000},  {"HR", 250000, 50000},
    {"CY", 190000, 50000},  {"CZ", 210000, 120000}, {"DK", 250000, 250000}, {"EE", 240000, 90000},
    {"FI", 255000, 140000}, {"FR", 200000, 55000},  {"DE", 190000, 70000},  {"GR", 240000, 60000},
    {"HU", 270000, 50000},  {"IE", 230000, 0},      {"IT", 220000, 40000},  {"LV", 210000, 120000},
    {"LT", 210000, 90000},  {"LU", 170000, 30000},  {"MT", 180000, 50000},  {"NL", 210000, 90000},
    {"PL", 230000, 50000},  {"PT", 230000, 60000},  {"RO", 210000, 110000}, {"SK", 230000, 50000},
    {"SI", 220000, 50000},  {"ES", 210000, 40000},  {"SE", 250000, 60000},  {"GB", 200000, 0},
    {"CH", 81000, 26000},   {"NO", 250000, 150000},
}};

struct SalesTax {
  const char* state;
  std::int32_t rate_ppm;
};

// Each state's base rate (no county or city taxes), 2025.
constexpr std::array<SalesTax, 51> kSalesTax{{
    {"AL", 40000}, {"AK", 0},     {"AZ", 56000}, {"AR", 65000}, {"CA", 72500}, {"CO", 29000},
    {"CT", 63500}, {"DE", 0},     {"DC", 60000}, {"FL", 60000}, {"GA", 40000}, {"HI", 40000},
    {"ID", 60000}, {"IL", 62500}, {"IN", 70000}, {"IA", 60000}, {"KS", 65000}, {"KY", 60000},
    {"LA", 50000}, {"ME", 55000}, {"MD", 60000}, {"MA", 62500}, {"MI", 60000}, {"MN", 68750},
    {"MS", 70000}, {"MO", 42250}, {"MT", 0},     {"NE", 55000}, {"NV", 68500}, {"NH", 0},
    {"NJ", 66250}, {"NM", 48750}, {"NY", 40000}, {"NC", 47500}, {"ND", 50000}, {"OH", 57500},
    {"OK", 45000}, {"OR", 0},     {"PA", 60000}, {"RI", 70000}, {"SC", 60000}, {"SD", 42000},
    {"TN", 70000}, {"TX", 62500}, {"UT", 48500}, {"VT", 60000}, {"VA", 53000}, {"WA", 65000},
    {"WV", 60000}, {"WI", 50000}, {"WY", 40000},
}};

}  // namespace

std::string_view to_string(TaxCategory category) { return kCategoryNames.name(category); }
std::optional<TaxCategory> parse_tax_category(std::string_view text) {
  return kCategoryNames.parse(text);
}

std::int32_t TaxRule::rate_ppm(TaxCategory category) const {
  switch (category) {
    case TaxCategory::standard:
      return standard_ppm;
    case TaxCategory::reduced:
      return reduced_ppm;
    case TaxCategory::zero:
      break;
  }
  return 0;
}

void TaxTable::add_country(std::string country, TaxRule rule) {
  entries_.push_back({std::move(country), {}, std::move(rule)});
}

void TaxTable::add_region(std::string country, std::string region, TaxRule rule) {
  entries_.push_back({std::move(country), std::move(region), std::move(rule)});
}

std::optional<TaxRule> TaxTable::rule_for(const Destination& destination) const {
  bool taxed_by_region = false;
  for (const auto& entry : entries_) {
    if (entry.country != destination.country) continue;
    if (entry.region.empty()) return entry.rule;
    taxed_by_region = true;
    if (entry.region == destination.region) return entry.rule;
  }
  if (taxed_by_region) {
    throw platform::unprocessable(
        "region-required",
        "tax in " + destination.country + " depends on the region; give a known region code",
        "destination.region");
  }
  return std::nullopt;
}

TaxTable default_tax_table() {
  TaxTable table;
  for (const auto& vat : kVat) {
    table.add_country(vat.country, {std::string(vat.country) + " VAT", vat.standard_ppm,
                                    vat.reduced_ppm, true, true});
  }
  for (const auto& state : kSalesTax) {
    table.add_region("US", state.state,
                     {"US-" + std::string(state.state) + " sales tax", state.rate_ppm,
                      state.rate_ppm, false, false});
  }
  return table;
}

std::int64_t tax_of(std::int64_t amount, std::int32_t rate_ppm, bool inclusive) {
  if (rate_ppm == 0 || amount == 0) return 0;
  // Exact in integers: tax = amount × r / 10^6 (exclusive) or
  // amount × r / (10^6 + r) (inclusive), rounded half away from zero.
  constexpr std::int64_t kMillion = 1'000'000;
  const std::int64_t numerator = amount * rate_ppm;
  const std::int64_t denominator = inclusive ? kMillion + rate_ppm : kMillion;
  const std::int64_t magnitude = (std::abs(numerator) * 2 + denominator) / (2 * denominator);
  return numerator < 0 ? -magnitude : magnitude;
}

}  // namespace cart
