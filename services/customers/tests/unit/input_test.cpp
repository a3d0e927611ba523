#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/address_input.h"
#include "api/profile_input.h"
#include "platform/error.h"

using namespace customers;

namespace {

boost::json::object object(std::string_view text) { return boost::json::parse(text).as_object(); }

// The code and field of the error parsing `text` with `parse` throws.
template <class Parse>
std::pair<std::string, std::string> rejection(Parse parse, std::string_view text) {
  try {
    parse(object(text));
  } catch (const platform::Error& error) {
    return {error.code(), error.field()};
  }
  return {"(accepted)", ""};
}

using Rejection = std::pair<std::string, std::string>;

}  // namespace

TEST(ProfilePatch, ReadsOnlyWhatItMentions) {
  const auto changes = parse_profile_patch(
      object(R"({"name":"Ada","preferences":{"language":"en-GB"},"phone":null})"));
  EXPECT_EQ(changes.name, "Ada");
  ASSERT_TRUE(changes.phone.has_value());
  EXPECT_FALSE(changes.phone->has_value()) << "null removes the phone";
  EXPECT_EQ(changes.language, "en-GB");
  EXPECT_FALSE(changes.newsletter);
  EXPECT_FALSE(changes.currency);

  const auto empty = parse_profile_patch(object("{}"));
  EXPECT_FALSE(empty.name || empty.phone || empty.newsletter || empty.language || empty.currency);
}

TEST(ProfilePatch, RefusesNamingTheField) {
  EXPECT_EQ(rejection(parse_profile_patch, R"({"nickname":"x"})"),
            (Rejection{"unknown-field", "nickname"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"preferences":{"theme":"dark"}})"),
            (Rejection{"unknown-field", "preferences.theme"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"email":"a@b.example"})"),
            (Rejection{"invalid-field", "email"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"id":"x"})"), (Rejection{"invalid-field", "id"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"name":null})"),
            (Rejection{"invalid-field", "name"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"name":""})"), (Rejection{"invalid-field", "name"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"name":42})"), (Rejection{"invalid-field", "name"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"preferences":null})"),
            (Rejection{"invalid-field", "preferences"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"preferences":"en"})"),
            (Rejection{"invalid-field", "preferences"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"preferences":{"newsletter":"yes"}})"),
            (Rejection{"invalid-field", "preferences.newsletter"}));
  EXPECT_EQ(rejection(parse_profile_patch, R"({"preferences":{"currency":null}})"),
            (Rejection{"invalid-field", "preferences.currency"}));
  const std::string long_name = R"({"name":")" + std::string(201, 'a') + R"("})";
  EXPECT_EQ(rejection(parse_profile_patch, long_name), (Rejection{"invalid-field", "name"}));
}

TEST(AddressInput, CreateRequiresTheAddressItself) {
  const auto changes = parse_address_create(
      object(R"({"recipient":"Ada","line1":"Main St 1","city":"Berlin","postal_code":"10115",)"
             R"("country":"DE","label":"","is_default_shipping":true})"));
  EXPECT_EQ(changes.recipient, "Ada");
  EXPECT_EQ(changes.country, "DE");
  EXPECT_TRUE(changes.label.has_value() && !changes.label->has_value()) << "\"\" is no label";
  EXPECT_EQ(changes.is_default_shipping, true);
  EXPECT_FALSE(changes.is_default_billing);

  EXPECT_EQ(rejection(parse_address_create,
                      R"({"line1":"x","city":"x","postal_code":"1","country":"DE"})"),
            (Rejection{"invalid-field", "recipient"}));
  EXPECT_EQ(
      rejection(
          parse_address_create,
          R"({"recipient":"x","line1":"x","city":"x","postal_code":"1","country":"DE","floor":3})"),
      (Rejection{"unknown-field", "floor"}));
  EXPECT_EQ(rejection(parse_address_create,
                      R"({"recipient":"x","line1":"x","city":"x","postal_code":1,"country":"DE"})"),
            (Rejection{"invalid-field", "postal_code"}));
  EXPECT_EQ(
      rejection(parse_address_create,
                R"({"recipient":"x","line1":"x","city":"x","postal_code":"1","country":"DEU"})"),
      (Rejection{"invalid-field", "country"}));
}

TEST(AddressInput, PatchRemovesOnlyOptionalMembers) {
  const auto changes = parse_address_patch(object(R"({"line2":null,"city":"Potsdam"})"));
  EXPECT_EQ(changes.city, "Potsdam");
  EXPECT_TRUE(changes.line2.has_value() && !changes.line2->has_value());
  EXPECT_FALSE(changes.label.has_value()) << "absent: unchanged";
  EXPECT_EQ(rejection(parse_address_patch, R"({"city":null})"),
            (Rejection{"invalid-field", "city"}));
  EXPECT_EQ(rejection(parse_address_patch, R"({"is_default_billing":null})"),
            (Rejection{"invalid-field", "is_default_billing"}));
  EXPECT_EQ(rejection(parse_address_patch, R"({"id":"x"})"), (Rejection{"invalid-field", "id"}));
  EXPECT_EQ(rejection(parse_address_patch, R"({"zip":"x"})"), (Rejection{"unknown-field", "zip"}));
}
