#include "domain/card.h"

#include <array>
#include <utility>

#include "platform/enum_names.h"

namespace payments {

namespace {

constexpr platform::EnumNames<CardBrand, 5> kBrandNames{{{
    {CardBrand::unknown, "unknown"},
    {CardBrand::visa, "visa"},
    {CardBrand::mastercard, "mastercard"},
    {CardBrand::amex, "amex"},
    {CardBrand::discover, "discover"},
}}};

}  // namespace

std::string_view to_string(CardBrand brand) { return kBrandNames.name(brand); }
std::optional<CardBrand> parse_card_brand(std::string_view text) { return kBrandNames.parse(text); }

std::optional<std::string> card_digits(std::string_view typed) {
  std::string digits;
  for (const char c : typed) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '-') {
      return std::nullopt;
    }
  }
  if (digits.size() < 12 || digits.size() > 19) return std::nullopt;
  return digits;
}

bool passes_luhn(std::string_view digits) {
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it < '0' || *it > '9') return false;
    int digit = *it - '0';
    if (doubled) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    doubled = !doubled;
  }
  return !digits.empty() && sum % 10 == 0;
}

CardBrand brand_of(std::string_view digits) {
  const auto starts = [&](std::string_view prefix) { return digits.starts_with(prefix); };
  const auto prefix_between = [&](std::size_t length, int low, int high) {
    if (digits.size() < length) return false;
    const int value = std::stoi(std::string(digits.substr(0, length)));
    return value >= low && value <= high;
  };
  if (starts("4")) return CardBrand::visa;
  if (prefix_between(2, 51, 55) || prefix_between(4, 2221, 2720)) return CardBrand::mastercard;
  if ((starts("34") || starts("37")) && digits.size() == 15) return CardBrand::amex;
  if (starts("6011") || starts("65") || prefix_between(3, 644, 649)) return CardBrand::discover;
  return CardBrand::unknown;
}

bool has_expired(Expiry expiry, int current_year, int current_month) {
  return expiry.year < current_year ||
         (expiry.year == current_year && expiry.month < current_month);
}

bool has_expired(Expiry expiry, std::chrono::system_clock::time_point now) {
  const std::chrono::year_month_day today(std::chrono::floor<std::chrono::days>(now));
  return has_expired(expiry, static_cast<int>(today.year()),
                     static_cast<int>(static_cast<unsigned>(today.month())));
}

namespace {

constexpr platform::EnumNames<CardBehaviour, 6> kBehaviourNames{{{
    {CardBehaviour::approve, "approve"},
    {CardBehaviour::decline, "decline"},
    {CardBehaviour::insufficient_funds, "insufficient_funds"},
    {CardBehaviour::processing_error, "processing_error"},
    {CardBehaviour::slow, "slow"},
    {CardBehaviour::capture_fails, "capture_fails"},
}}};

// The documented test cards; every other valid number approves.
constexpr std::array<std::pair<std::string_view, CardBehaviour>, 5> kTestCards{{
    {"4000000000000002", CardBehaviour::decline},
    {"4000000000009995", CardBehaviour::insufficient_funds},
    {"4000000000000119", CardBehaviour::processing_error},
    {"4000000000000259", CardBehaviour::slow},
    {"4000000000000341", CardBehaviour::capture_fails},
}};

}  // namespace

std::string_view to_string(CardBehaviour behaviour) { return kBehaviourNames.name(behaviour); }

std::optional<CardBehaviour> parse_card_behaviour(std::string_view text) {
  return kBehaviourNames.parse(text);
}

CardBehaviour behaviour_of(std::string_view digits) {
  for (const auto& [number, behaviour] : kTestCards) {
    if (number == digits) return behaviour;
  }
  return CardBehaviour::approve;
}

}  // namespace payments
