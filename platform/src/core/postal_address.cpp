#include "platform/postal_address.h"

#include <boost/json.hpp>

#include "platform/error.h"

namespace platform {

bool is_country_code(std::string_view text) {
  const auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
  return text.size() == 2 && capital(text[0]) && capital(text[1]);
}

PostalAddress read_postal_address(json::ObjectReader reader) {
  PostalAddress address;
  address.recipient = reader.required_string("recipient", {1, 200});
  address.line1 = reader.required_string("line1", {1, 200});
  address.line2 = reader.optional_string("line2", {0, 200}).value_or("");
  address.city = reader.required_string("city", {1, 100});
  address.region = reader.optional_string("region", {0, 100}).value_or("");
  address.postal_code = reader.required_string("postal_code", {1, 20});
  address.country = reader.required_string("country", {2, 2});
  address.phone = reader.optional_string("phone", {0, 40}).value_or("");
  reader.finish();
  if (!is_country_code(address.country)) {
    throw invalid_field(reader.field_path("country"),
                        "country must be an ISO 3166-1 alpha-2 code such as DE");
  }
  return address;
}

boost::json::object to_json(const PostalAddress& address) {
  boost::json::object object{{"recipient", address.recipient},
                             {"line1", address.line1},
                             {"city", address.city},
                             {"postal_code", address.postal_code},
                             {"country", address.country}};
  if (!address.line2.empty()) object["line2"] = address.line2;
  if (!address.region.empty()) object["region"] = address.region;
  if (!address.phone.empty()) object["phone"] = address.phone;
  return object;
}

}  // namespace platform
