#include <gtest/gtest.h>

#include "platform/error.h"
#include "platform/json.h"

using platform::Error;
using platform::ErrorKind;
using platform::json::ObjectReader;
using platform::json::parse_object;

namespace {

// Runs `read` and returns the field named by the Error it throws.
template <class Read>
std::string failing_field(const char* json, Read read) {
  auto object = parse_object(json);
  ObjectReader reader(object);
  try {
    read(reader);
    reader.finish();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_argument);
    return error.field();
  }
  ADD_FAILURE() << "no error for " << json;
  return {};
}

}  // namespace

TEST(ObjectReader, ReadsTypedFields) {
  auto object = parse_object(R"({"title":"Lamp","price":1299,"active":true,"tags":["a","b"]})");
  ObjectReader reader(object);
  EXPECT_EQ(reader.required_string("title"), "Lamp");
  EXPECT_EQ(reader.required_integer("price", {.minimum = 0}), 1299);
  EXPECT_EQ(reader.optional_bool("active"), true);
  EXPECT_EQ(reader.string_array("tags"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(reader.optional_string("missing"), std::nullopt);
  EXPECT_NO_THROW(reader.finish());
}

TEST(ObjectReader, NamesWrongTypedField) {
  EXPECT_EQ(failing_field(R"({"price":"12"})", [](auto& r) { r.required_integer("price"); }),
            "price");
  EXPECT_EQ(failing_field(R"({"price":12.5})", [](auto& r) { r.required_integer("price"); }),
            "price");
  EXPECT_EQ(failing_field(R"({"title":5})", [](auto& r) { r.required_string("title"); }), "title");
  EXPECT_EQ(failing_field(R"({"on":"yes"})", [](auto& r) { r.required_bool("on"); }), "on");
  EXPECT_EQ(failing_field(R"({"tags":["a",1]})", [](auto& r) { r.string_array("tags"); }),
            "tags[1]");
}

TEST(ObjectReader, NamesMissingAndOutOfRangeFields) {
  EXPECT_EQ(failing_field(R"({})", [](auto& r) { r.required_string("title"); }), "title");
  EXPECT_EQ(failing_field(R"({"n":-1})", [](auto& r) { r.required_integer("n", {.minimum = 0}); }),
            "n");
  EXPECT_EQ(
      failing_field(R"({"n":18446744073709551615})", [](auto& r) { r.required_integer("n"); }),
      "n");
  EXPECT_EQ(
      failing_field(R"({"t":""})", [](auto& r) { r.required_string("t", {.min_length = 1}); }),
      "t");
}

TEST(ObjectReader, RejectsUnknownFieldsWithPath) {
  EXPECT_EQ(
      failing_field(R"({"title":"x","titel":"y"})", [](auto& r) { r.required_string("title"); }),
      "titel");
  EXPECT_EQ(failing_field(R"({"price":{"amount":1,"cur":"EUR"}})",
                          [](auto& r) {
                            auto price = r.object("price");
                            price.required_integer("amount");
                            price.finish();
                          }),
            "price.cur");
}

TEST(ObjectReader, CountsCharactersNotBytes) {
  auto object = parse_object(R"({"t":"ΩΩΩ"})");
  ObjectReader reader(object);
  EXPECT_EQ(reader.required_string("t", {.max_length = 3}), "ΩΩΩ");
}

TEST(ParseObject, RejectsMalformedAndNonObjects) {
  for (const char* text : {"", "{", "[1]", "\"s\"", "{\"a\":}", "nul"}) {
    try {
      parse_object(text);
      ADD_FAILURE() << "accepted " << text;
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), "malformed-json") << text;
    }
  }
}

TEST(ParseObject, RejectsExcessiveNesting) {
  std::string deep = "{\"a\":";
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  deep += "}";
  EXPECT_THROW(parse_object(deep), Error);
}
