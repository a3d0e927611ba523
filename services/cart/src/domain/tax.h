#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cart {

// What a product is for tax purposes: most goods are standard; books and
// food are reduced in most of the EU; some goods carry no tax at all.
enum class TaxCategory { standard, reduced, zero };

std::string_view to_string(TaxCategory category);
std::optional<TaxCategory> parse_tax_category(std::string_view text);

// Rates in parts per million: 190000 is 19%, 66250 is 6.625%.
struct TaxRule {
  std::string name;  // "DE VAT", "US-CA sales tax"
  std::int32_t standard_ppm = 0;
  std::int32_t reduced_ppm = 0;
  bool taxes_shipping = false;  // shipping taxed at the standard rate
  // Whether the shop's prices already contain this tax (EU: the price is
  // what the customer pays, the VAT inside it) or it is added on top (US).
  bool prices_include_tax = false;

  std::int32_t rate_ppm(TaxCategory category) const;
};

// Where tax is owed: a country (ISO 3166-1 alpha-2) and, where rates differ
// within it, a region (US state code).
struct Destination {
  std::string country;
  std::string region;
};

// The rules of every destination the shop ships to, as data. Countries
// without a rule are taxed at nothing (exports); a country whose rules go by
// region (the US) needs a known region.
class TaxTable {
 public:
  void add_country(std::string country, TaxRule rule);
  void add_region(std::string country, std::string region, TaxRule rule);
  // nullopt: no tax is owed. Throws Error(unprocessable, "region-required")
  // for a country taxed by region without a known region.
  std::optional<TaxRule> rule_for(const Destination& destination) const;

 private:
  struct Entry {
    std::string country;
    std::string region;  // empty for the whole country
    TaxRule rule;
  };
  std::vector<Entry> entries_;
};

// EU VAT by member state (standard and the reduced rate of books and food;
// prices gross of VAT), the UK, Switzerland and Norway; US sales tax at each
// state's base rate (no county or city taxes; shipping untaxed). The figures
// are data: docs/architecture.md says where they come from and how to change
// them.
TaxTable default_tax_table();

// The tax in an amount of minor units at `rate_ppm`, rounded half away from
// zero to the minor unit. `inclusive`: the amount already contains the tax
// (a gross price), which is then the part r / (1 + r) of it; otherwise it is
// added on top (amount × r).
std::int64_t tax_of(std::int64_t amount, std::int32_t rate_ppm, bool inclusive);

}  // namespace cart
