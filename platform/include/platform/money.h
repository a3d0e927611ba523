#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/json.h"

namespace platform {

// An amount in minor units (cents) of an ISO 4217 currency. Money is never a
// floating-point number anywhere in the shop.
struct Money {
  std::int64_t amount = 0;
  std::string currency;
  bool operator==(const Money&) const = default;
};

// Three capital letters, as ISO 4217 codes are written.
bool is_valid_currency(std::string_view code);

// {"amount": 4999, "currency": "EUR"}
boost::json::object to_json(const Money& money);

// Reads {"amount": ..., "currency": ...} at `key`, naming the field on error.
Money read_money(json::ObjectReader& reader, std::string_view key, json::IntegerRule amount_rule);

}  // namespace platform
