#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

#include "platform/json.h"

namespace platform {

// A postal address as the shop's APIs carry it: where checkout ships to,
// as the cart takes it and the orders service keeps it.
struct PostalAddress {
  std::string recipient;
  std::string line1;
  std::string line2;
  std::string city;
  std::string region;  // state or province where the country has them
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2
  std::string phone;
  bool operator==(const PostalAddress&) const = default;
};

// "DE", "US": two capital letters, as ISO 3166-1 alpha-2 codes are written.
bool is_country_code(std::string_view text);

// Reads an address object (and finishes it): recipient, line1, city,
// postal_code and country required, line2, region and phone optional.
// Throws Error(invalid_argument) naming the field.
PostalAddress read_postal_address(json::ObjectReader reader);

// The same shape; empty optional fields are left out.
boost::json::object to_json(const PostalAddress& address);

}  // namespace platform
