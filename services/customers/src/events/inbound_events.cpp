#include "events/inbound_events.h"

#include "domain/customer.h"
#include "domain/text_rules.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/json.h"

namespace customers {
namespace {

[[noreturn]] void invalid(const std::string& field, const std::string& why) {
  throw platform::Error(platform::ErrorKind::invalid_argument, "invalid-event", why, field);
}

std::int64_t time_member(platform::json::ObjectReader& data, std::string_view key) {
  const auto text = data.required_string(key, {1, 64});
  const auto time = platform::parse_rfc3339(text);
  if (!time) invalid(data.field_path(key), data.field_path(key) + " must be an RFC 3339 time");
  return platform::to_unix_millis(*time);
}

std::string uuid_member(platform::json::ObjectReader& data, std::string_view key) {
  auto id = data.required_string(key, {36, 36});
  if (!platform::is_uuid(id))
    invalid(data.field_path(key), data.field_path(key) + " must be a UUID");
  return id;
}

}  // namespace

UserRegistered parse_user_registered(const platform::bus::Event& event) {
  const auto object = platform::json::parse_object(event.data);
  platform::json::ObjectReader data(object);
  UserRegistered registered;
  registered.user_id = uuid_member(data, "user_id");
  registered.email = data.required_string("email", {1, 254});
  registered.name = data.optional_string("name", {0, kMaxNameLength}).value_or("");
  registered.registered_at = time_member(data, "registered_at");
  return registered;
}

OrderSummary parse_order_event(const platform::bus::Event& event) {
  const auto object = platform::json::parse_object(event.data);
  platform::json::ObjectReader data(object);
  OrderSummary order;
  order.order_id = data.required_string("order_id", {1, 64});
  if (!is_opaque_id(order.order_id)) invalid("order_id", "order_id must be visible ASCII");
  order.customer_id = uuid_member(data, "customer_id");
  const auto status = parse_order_status(data.required_string("status", {1, 32}));
  if (!status) invalid("status", "unknown order status");
  order.status = *status;
  auto total = data.object("total");
  order.total_amount = total.required_integer("amount", {.minimum = 0});
  order.currency = total.required_string("currency", {3, 3});
  if (!is_currency_code(order.currency))
    invalid("total.currency", "total.currency must be ISO 4217");
  order.item_count = data.required_integer("item_count", {.minimum = 0, .maximum = 1'000'000});
  order.placed_at = time_member(data, "placed_at");
  const auto occurred_at = platform::parse_rfc3339(event.occurred_at);
  if (!occurred_at) invalid("occurred_at", "the envelope's occurred_at must be an RFC 3339 time");
  order.updated_at = platform::to_unix_millis(*occurred_at);
  return order;
}

}  // namespace customers
