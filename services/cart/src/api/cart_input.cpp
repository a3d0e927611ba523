#include "api/cart_input.h"

#include <boost/json.hpp>

#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/http/authorization.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"
#include "platform/json.h"
#include "platform/postal_address.h"

namespace cart {

namespace {

using platform::json::ObjectReader;

// 32 bytes in unpadded base64url.
constexpr std::size_t kTokenLength = 43;

// The catalog spells ids in lower case; a client may not.
std::string lower_case(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string read_product_id(ObjectReader& body) {
  auto id = body.required_string("product_id", {36, 36});
  if (!platform::is_uuid(id)) {
    throw platform::invalid_field("product_id", "product_id must be a UUID");
  }
  return lower_case(std::move(id));
}

std::string read_country(ObjectReader& reader) {
  auto country = reader.required_string("country", {2, 2});
  if (!platform::is_country_code(country)) {
    throw platform::invalid_field(reader.field_path("country"),
                                  "country must be an ISO 3166-1 alpha-2 code such as DE");
  }
  return country;
}

ShippingSpeed read_speed(ObjectReader& body) {
  const auto text = body.optional_string("shipping_speed", {1, 20});
  if (!text) return ShippingSpeed::standard;
  const auto speed = parse_shipping_speed(*text);
  if (!speed) {
    throw platform::invalid_field("shipping_speed", "shipping_speed must be standard or express");
  }
  return *speed;
}

}  // namespace

std::string product_id_of(const platform::http::Request& request) {
  return lower_case(request.path_parameter("product_id"));
}

std::string new_cart_token() { return platform::crypto::random_token(32); }

CartOwner guest_of(const platform::http::Request& request) {
  const auto token = request.header(kCartTokenHeader);
  if (token.empty()) {
    throw platform::Error(platform::ErrorKind::unauthenticated, "cart-token-required",
                          "a guest names their cart with the Cart-Token header (POST "
                          "/v1/cart-tokens makes one), a customer signs in",
                          kCartTokenHeader);
  }
  if (token.size() != kTokenLength || !platform::crypto::base64url_decode(token)) {
    throw platform::invalid_field(kCartTokenHeader, "Cart-Token is not a cart token");
  }
  return CartOwner::guest(token);
}

CartOwner cart_owner_of(const platform::http::Request& request) {
  if (request.caller) return CartOwner::customer(request.caller->subject);
  return guest_of(request);
}

ItemInput read_new_item(const platform::http::Request& request) {
  const auto object = platform::http::json_object_body(request);
  ObjectReader body(object);
  ItemInput input;
  input.product_id = read_product_id(body);
  input.quantity = static_cast<int>(
      body.optional_integer("quantity", {.minimum = 1, .maximum = kMaxLineQuantity}).value_or(1));
  body.finish();
  return input;
}

ItemInput read_item_quantity(const platform::http::Request& request) {
  ItemInput input;
  input.product_id = product_id_of(request);
  if (!platform::is_uuid(input.product_id)) {
    throw platform::not_found("line-not-found",
                              "product " + input.product_id + " is not in the cart");
  }
  const auto object = platform::http::json_object_body(request);
  ObjectReader body(object);
  input.quantity = static_cast<int>(
      body.required_integer("quantity", {.minimum = 0, .maximum = kMaxLineQuantity}));
  body.finish();
  return input;
}

QuoteInput read_quote_input(const platform::http::Request& request) {
  const auto object = platform::http::json_object_body(request);
  ObjectReader body(object);
  QuoteInput input;
  auto destination = body.object("destination");
  input.destination.country = read_country(destination);
  input.destination.region = destination.optional_string("region", {0, 100}).value_or("");
  destination.finish();
  input.speed = read_speed(body);
  input.coupon = body.optional_string("coupon", {0, 64}).value_or("");
  body.finish();
  return input;
}

CheckoutInput read_checkout_input(const platform::http::Request& request) {
  const auto object = platform::http::json_object_body(request);
  ObjectReader body(object);
  CheckoutInput input;
  input.address = platform::read_postal_address(body.object("shipping_address"));
  input.speed = read_speed(body);
  input.coupon = body.optional_string("coupon", {0, 64}).value_or("");
  input.payment_method = body.required_string("payment_method", {1, 64});
  input.email = body.required_string("email", {3, 254});
  if (input.email.find('@') == std::string::npos) {
    throw platform::invalid_field("email", "email must be an email address");
  }
  body.finish();
  return input;
}

}  // namespace cart
