#include "platform/money.h"

#include <algorithm>

#include "platform/error.h"

namespace platform {

bool is_valid_currency(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

boost::json::object to_json(const Money& money) {
  return {{"amount", money.amount}, {"currency", money.currency}};
}

Money read_money(json::ObjectReader& reader, std::string_view key, json::IntegerRule amount_rule) {
  auto object = reader.object(key);
  Money money;
  money.amount = object.required_integer("amount", amount_rule);
  money.currency = object.required_string("currency", {3, 3});
  object.finish();
  if (!is_valid_currency(money.currency)) {
    throw invalid_field(object.field_path("currency"),
                        object.field_path("currency") + " must be an ISO 4217 code such as EUR");
  }
  return money;
}

}  // namespace platform
