#include "checkout/checkout_record.h"

#include <boost/json.hpp>

#include "platform/error.h"

namespace cart {

namespace {

const char* state_name(CheckoutRecord::State state) {
  switch (state) {
    case CheckoutRecord::State::placing:
      return "placing";
    case CheckoutRecord::State::placed:
      return "placed";
    case CheckoutRecord::State::forgotten:
      break;
  }
  return "forgotten";
}

}  // namespace

std::string encode_record(const CheckoutRecord& record) {
  return boost::json::serialize(boost::json::object{{"state", state_name(record.state)},
                                                    {"request_hash", record.request_hash},
                                                    {"claimed_until", record.claimed_until},
                                                    {"draft", record.draft},
                                                    {"coupon_taken", record.coupon_taken},
                                                    {"order_id", record.order_id},
                                                    {"cart_cleared", record.cart_cleared}});
}

CheckoutRecord decode_record(std::string_view stored) {
  try {
    const auto object = boost::json::parse(stored).as_object();
    CheckoutRecord record;
    const auto state = object.at("state").as_string();
    if (state == "placing") {
      record.state = CheckoutRecord::State::placing;
    } else if (state == "placed") {
      record.state = CheckoutRecord::State::placed;
    } else if (state == "forgotten") {
      record.state = CheckoutRecord::State::forgotten;
    } else {
      throw std::invalid_argument("unknown state");
    }
    record.request_hash = boost::json::value_to<std::string>(object.at("request_hash"));
    record.claimed_until = object.at("claimed_until").to_number<std::int64_t>();
    record.draft = boost::json::value_to<std::string>(object.at("draft"));
    record.coupon_taken = boost::json::value_to<std::string>(object.at("coupon_taken"));
    record.order_id = boost::json::value_to<std::string>(object.at("order_id"));
    record.cart_cleared = object.at("cart_cleared").as_bool();
    return record;
  } catch (const std::exception& error) {
    throw platform::Error(platform::ErrorKind::internal, "checkout-record-unreadable",
                          std::string("a stored checkout cannot be read: ") + error.what());
  }
}

}  // namespace cart
