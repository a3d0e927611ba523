#include "platform/postal_address.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "platform/error.h"

namespace {

using platform::json::ObjectReader;

platform::PostalAddress read(const char* json) {
  const auto object = platform::json::parse_object(json);
  return platform::read_postal_address(ObjectReader(object, "shipping_address"));
}

std::string field_of(const char* json) {
  try {
    read(json);
  } catch (const platform::Error& error) {
    return error.field();
  }
  return "no error";
}

TEST(PostalAddress, ReadsAndWritesTheSameShape) {
  const auto address = read(R"({"recipient": "Ada", "line1": "Main St 1", "city": "Springfield",
                                 "region": "IL", "postal_code": "62701", "country": "US"})");
  EXPECT_EQ(address.region, "IL");
  EXPECT_TRUE(address.line2.empty());
  const auto json = platform::to_json(address);
  EXPECT_FALSE(json.contains("line2")) << "empty optional fields are left out";
  EXPECT_EQ(read(boost::json::serialize(json).c_str()), address);
}

TEST(PostalAddress, NamesWhatIsWrong) {
  EXPECT_EQ(field_of(R"({"line1": "x", "city": "y", "postal_code": "1", "country": "DE"})"),
            "shipping_address.recipient");
  EXPECT_EQ(field_of(R"({"recipient": "a", "line1": "x", "city": "y", "postal_code": "1",
                          "country": "de"})"),
            "shipping_address.country");
  EXPECT_EQ(field_of(R"({"recipient": "a", "line1": "x", "city": "y", "postal_code": "1",
                          "country": "DE", "floor": "3"})"),
            "shipping_address.floor");
}

TEST(PostalAddress, CountryCodesAreTwoCapitals) {
  EXPECT_TRUE(platform::is_country_code("DE"));
  EXPECT_FALSE(platform::is_country_code("De"));
  EXPECT_FALSE(platform::is_country_code("DEU"));
  EXPECT_FALSE(platform::is_country_code(""));
}

}  // namespace
