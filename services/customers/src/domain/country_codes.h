#pragma once

#include <span>
#include <string_view>

namespace customers {

// Whether `code` is an ISO 3166-1 alpha-2 code assigned to a country or
// territory, in upper case ("DE", "GB", not "de" or "UK").
bool is_country_code(std::string_view code);

// Every assigned code, sorted.
std::span<const std::string_view> country_codes();

}  // namespace customers
