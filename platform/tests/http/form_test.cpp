#include "platform/http/form.h"

#include <gtest/gtest.h>

namespace platform::http {
namespace {

TEST(Form, EncodesAllButUnreservedCharacters) {
  EXPECT_EQ(form_encode("abc-XYZ_0.9~"), "abc-XYZ_0.9~");
  EXPECT_EQ(form_encode("a b&c=d+e/f:g"), "a%20b%26c%3Dd%2Be%2Ff%3Ag");
  EXPECT_EQ(form_encode("\xC3\xA9"), "%C3%A9") << "UTF-8 octets one by one";
  EXPECT_EQ(encode_form({{"grant_type", "client_credentials"}, {"scope", "a b"}}),
            "grant_type=client_credentials&scope=a%20b");
}

TEST(Form, WhatIsEncodedDecodesBack) {
  const FormFields fields{{"name", "Zoë & co"}, {"secret", "p@ss:w0rd/+="}, {"empty", ""}};
  const auto decoded = parse_form(encode_form(fields));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, fields);
  EXPECT_EQ(form_decode("a+b%21"), "a b!");
  EXPECT_EQ(form_decode("%zz"), std::nullopt);
}

}  // namespace
}  // namespace platform::http
