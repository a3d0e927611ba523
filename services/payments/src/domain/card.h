#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace payments {

enum class CardBrand { visa, mastercard, amex, discover, unknown };

std::string_view to_string(CardBrand brand);
std::optional<CardBrand> parse_card_brand(std::string_view text);

// The digits of a card number as people type it, with spaces or dashes
// between groups; nullopt for anything else or a length no card has (12-19).
std::optional<std::string> card_digits(std::string_view typed);

// The Luhn (mod 10) check digit test every card number passes.
bool passes_luhn(std::string_view digits);

CardBrand brand_of(std::string_view digits);

// A card is valid through the last day of its expiry month.
struct Expiry {
  int month = 0;  // 1-12
  int year = 0;   // four digits
};
bool has_expired(Expiry expiry, int current_year, int current_month);
// Whether the card has expired at `now` (UTC).
bool has_expired(Expiry expiry, std::chrono::system_clock::time_point now);

// What the simulated processor does with a card, fixed when the card is
// saved: the full number is never stored, so its behaviour is kept instead
// (the test cards are listed in services/payments/openapi.yaml).
enum class CardBehaviour {
  approve,
  decline,             // card_declined
  insufficient_funds,  // insufficient_funds
  processing_error,    // the processor fails: 503, retryable, nothing recorded
  slow,                // approves after the configured slow-card delay
  capture_fails,       // authorizes, then declines the capture
};

std::string_view to_string(CardBehaviour behaviour);
std::optional<CardBehaviour> parse_card_behaviour(std::string_view text);

CardBehaviour behaviour_of(std::string_view digits);

}  // namespace payments
