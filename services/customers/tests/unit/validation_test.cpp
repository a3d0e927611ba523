#include <gtest/gtest.h>

#include <algorithm>

#include "domain/address.h"
#include "domain/country_codes.h"
#include "domain/customer.h"
#include "domain/text_rules.h"
#include "platform/error.h"

using namespace customers;

namespace {

Address valid_address() {
  Address address;
  address.recipient = "Ada Lovelace";
  address.line1 = "Unter den Linden 1";
  address.city = "Berlin";
  address.postal_code = "10117";
  address.country = "DE";
  return address;
}

template <class Apply>
std::string failing_field(Apply apply) {
  try {
    apply();
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::invalid_argument);
    return error.field();
  }
  return "(accepted)";
}

}  // namespace

TEST(CountryCodes, KnowsEveryAssignedCodeAndNothingElse) {
  const auto codes = country_codes();
  EXPECT_EQ(codes.size(), 249u);
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
  EXPECT_EQ(std::adjacent_find(codes.begin(), codes.end()), codes.end());
  for (const auto code : codes) {
    EXPECT_TRUE(code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
                code[1] <= 'Z')
        << code;
  }
  for (const char* code : {"DE", "GB", "US", "FR", "JP", "BR", "ZA", "AX", "SS", "BQ", "CW", "SX",
                           "AQ", "PS", "TL", "ZW", "AD"}) {
    EXPECT_TRUE(is_country_code(code)) << code;
  }
  // Lower case, reserved, user-assigned, withdrawn and malformed codes.
  for (const char* code :
       {"de", "De", "UK", "EU", "XK", "ZZ", "AA", "AN", "CS", "YU", "D", "DEU", "", " D", "D "}) {
    EXPECT_FALSE(is_country_code(code)) << code;
  }
}

TEST(TextRules, PostalCodes) {
  for (const char* code :
       {"10115", "SW1A 1AA", "1234-567", "K1A 0B1", "A", "0", "1234567890ABCDEF"}) {
    EXPECT_TRUE(is_postal_code(code)) << code;
  }
  for (const char* code : {"", " 10115", "10115 ", "-1", "1-", "12_34", "1234567890ABCDEFG",
                           "10115\n", "ÄÖ12", "12.34"}) {
    EXPECT_FALSE(is_postal_code(code)) << code;
  }
}

TEST(TextRules, PhoneNumbers) {
  for (const char* phone : {"+4930123456", "+1234567", "+123456789012345"}) {
    EXPECT_TRUE(is_phone_number(phone)) << phone;
  }
  for (const char* phone : {"", "+", "4930123456", "+123456", "+1234567890123456", "+0301234567",
                            "+49 30 123456", "+49-30-123456", "++4930123456", "+49301234a6"}) {
    EXPECT_FALSE(is_phone_number(phone)) << phone;
  }
}

TEST(TextRules, LanguageTagsAndCurrencies) {
  for (const char* tag : {"en", "en-GB", "de-DE", "fil", "zh-Hant", "zh-Hant-TW", "es-419"}) {
    EXPECT_TRUE(is_language_tag(tag)) << tag;
  }
  for (const char* tag : {"", "e", "english", "EN", "en-gb", "en_GB", "en-", "-en", "en--GB",
                          "en-GB-x", "en-GBR", "zh-hant", "en-41", "en-GB-GB"}) {
    EXPECT_FALSE(is_language_tag(tag)) << tag;
  }
  EXPECT_TRUE(is_currency_code("EUR"));
  EXPECT_TRUE(is_currency_code("JPY"));
  for (const char* code : {"eur", "EU", "EURO", "", "E1R"}) EXPECT_FALSE(is_currency_code(code));
}

TEST(TextRules, ProductIdsAreVisibleAscii) {
  EXPECT_TRUE(is_opaque_id("0190d5a0-0000-7000-8000-000000000001"));
  EXPECT_TRUE(is_opaque_id("SKU/42:blue"));
  EXPECT_TRUE(is_opaque_id(std::string(64, 'x')));
  EXPECT_FALSE(is_opaque_id(""));
  EXPECT_FALSE(is_opaque_id(std::string(65, 'x')));
  EXPECT_FALSE(is_opaque_id("has space"));
  EXPECT_FALSE(is_opaque_id("tab\t"));
  EXPECT_FALSE(is_opaque_id("caf\xc3\xa9"));
}

TEST(TextRules, TextLines) {
  EXPECT_TRUE(is_text_line("Ada", 3));
  EXPECT_TRUE(is_text_line("\xc3\x84\xc3\x96\xc3\x9c", 3)) << "code points, not bytes";
  EXPECT_FALSE(is_text_line("Adam", 3));
  EXPECT_FALSE(is_text_line("", 10));
  EXPECT_FALSE(is_text_line("   ", 10));
  EXPECT_FALSE(is_text_line("two\nlines", 20));
  EXPECT_FALSE(is_text_line(std::string_view("nul\0byte", 8), 20));
  EXPECT_FALSE(is_text_line("\xff\xfe", 20));
  EXPECT_EQ(lower_case("Ada@Example.COM"), "ada@example.com");
}

TEST(Customer, AppliesChangesOrNamesTheBrokenField) {
  Customer customer;
  ProfileChanges changes;
  changes.name = "Ada Lovelace";
  changes.phone = std::optional<std::string>("+441234567890");
  changes.newsletter = true;
  changes.language = "en-GB";
  changes.currency = "GBP";
  apply_changes(customer, changes);
  EXPECT_EQ(customer.name, "Ada Lovelace");
  EXPECT_EQ(customer.phone, "+441234567890");
  EXPECT_EQ(customer.preferences, (Preferences{true, "en-GB", "GBP"}));

  ProfileChanges remove_phone;
  remove_phone.phone = std::optional<std::string>();
  apply_changes(customer, remove_phone);
  EXPECT_FALSE(customer.phone);

  const auto before = customer;
  auto with = [&](auto change) {
    return failing_field([&] {
      ProfileChanges bad;
      change(bad);
      bad.name = bad.name.value_or("Still valid");
      apply_changes(customer, bad);
    });
  };
  EXPECT_EQ(with([](ProfileChanges& c) { c.name = std::string(201, 'a'); }), "name");
  EXPECT_EQ(with([](ProfileChanges& c) { c.name = " "; }), "name");
  EXPECT_EQ(with([](ProfileChanges& c) { c.phone = std::optional<std::string>("12345"); }),
            "phone");
  EXPECT_EQ(with([](ProfileChanges& c) { c.language = "english"; }), "preferences.language");
  EXPECT_EQ(with([](ProfileChanges& c) { c.currency = "eur"; }), "preferences.currency");
  EXPECT_EQ(customer.name, before.name) << "a rejected change leaves the customer unchanged";
}

TEST(Address, ValidatesEveryField) {
  EXPECT_NO_THROW(validate(valid_address()));
  auto with = [](auto change) {
    return failing_field([&] {
      auto address = valid_address();
      change(address);
      validate(address);
    });
  };
  EXPECT_EQ(with([](Address& a) { a.country = "de"; }), "country");
  EXPECT_EQ(with([](Address& a) { a.country = "UK"; }), "country");
  EXPECT_EQ(with([](Address& a) { a.postal_code = "10_117"; }), "postal_code");
  EXPECT_EQ(with([](Address& a) { a.recipient = ""; }), "recipient");
  EXPECT_EQ(with([](Address& a) { a.line1 = std::string(201, 'x'); }), "line1");
  EXPECT_EQ(with([](Address& a) { a.line2 = "two\nlines"; }), "line2");
  EXPECT_EQ(with([](Address& a) { a.city = "  "; }), "city");
  EXPECT_EQ(with([](Address& a) { a.region = std::string(201, 'x'); }), "region");
  EXPECT_EQ(with([](Address& a) { a.label = std::string(51, 'x'); }), "label");
  EXPECT_EQ(with([](Address& a) { a.phone = "0301234"; }), "phone");
  EXPECT_EQ(with([](Address& a) { a.line1 = std::string(200, 'x'); }), "(accepted)");
}

TEST(Address, AppliesAMergePatch) {
  auto address = valid_address();
  address.line2 = "Hinterhaus";
  AddressChanges changes;
  changes.city = "Potsdam";
  changes.line2 = std::optional<std::string>();
  changes.is_default_billing = true;
  apply_changes(address, changes);
  EXPECT_EQ(address.city, "Potsdam");
  EXPECT_FALSE(address.line2);
  EXPECT_TRUE(address.is_default_billing);
  EXPECT_FALSE(address.is_default_shipping);

  AddressChanges bad;
  bad.city = "Rome";
  bad.country = "XX";
  EXPECT_THROW(apply_changes(address, bad), platform::Error);
  EXPECT_EQ(address.city, "Potsdam") << "a rejected patch changes nothing";
}
