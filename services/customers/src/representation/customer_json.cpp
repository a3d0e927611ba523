#include "representation/customer_json.h"

#include <boost/json.hpp>

#include "platform/clock.h"
#include "platform/error.h"

namespace customers {
namespace {

boost::json::value optional_text(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::object preferences_json(const Preferences& preferences) {
  return {{"newsletter", preferences.newsletter},
          {"language", preferences.language},
          {"currency", preferences.currency}};
}

template <class Item>
boost::json::array array_of(const std::vector<Item>& items) {
  boost::json::array array;
  array.reserve(items.size());
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

}  // namespace

std::string time_text(std::int64_t unix_millis) {
  return platform::format_rfc3339(platform::from_unix_millis(unix_millis));
}

boost::json::object to_json(const Customer& customer) {
  boost::json::object object;
  object["id"] = customer.id;
  // Unknown until auth.user.registered arrives: null rather than "".
  object["email"] =
      customer.email.empty() ? boost::json::value(nullptr) : boost::json::value(customer.email);
  object["name"] = customer.name;
  object["phone"] = optional_text(customer.phone);
  object["preferences"] = preferences_json(customer.preferences);
  object["created_at"] = time_text(customer.created_at);
  object["updated_at"] = time_text(customer.updated_at);
  return object;
}

boost::json::object to_json(const Address& address) {
  boost::json::object object;
  object["id"] = address.id;
  object["label"] = optional_text(address.label);
  object["recipient"] = address.recipient;
  object["line1"] = address.line1;
  object["line2"] = optional_text(address.line2);
  object["city"] = address.city;
  object["region"] = optional_text(address.region);
  object["postal_code"] = address.postal_code;
  object["country"] = address.country;
  object["phone"] = optional_text(address.phone);
  object["is_default_shipping"] = address.is_default_shipping;
  object["is_default_billing"] = address.is_default_billing;
  object["created_at"] = time_text(address.created_at);
  object["updated_at"] = time_text(address.updated_at);
  return object;
}

boost::json::object to_json(const WishlistItem& item) {
  return {{"product_id", item.product_id}, {"added_at", time_text(item.added_at)}};
}

boost::json::object to_json(const ViewedProduct& view) {
  return {{"product_id", view.product_id}, {"viewed_at", time_text(view.viewed_at)}};
}

boost::json::object to_json(const OrderSummary& order) {
  boost::json::object object;
  object["order_id"] = order.order_id;
  object["status"] = to_string(order.status);
  object["total"] = {{"amount", order.total_amount}, {"currency", order.currency}};
  object["item_count"] = order.item_count;
  object["placed_at"] = time_text(order.placed_at);
  object["updated_at"] = time_text(order.updated_at);
  return object;
}

boost::json::object to_json(const CustomerData& data) {
  boost::json::object object;
  object["customer"] = to_json(data.profile);
  object["addresses"] = array_of(data.addresses);
  object["wishlist"] = array_of(data.wishlist);
  object["recently_viewed"] = array_of(data.recently_viewed);
  object["orders"] = array_of(data.orders);
  object["exported_at"] = platform::now_rfc3339();
  return object;
}

std::string preferences_text(const Preferences& preferences) {
  return boost::json::serialize(preferences_json(preferences));
}

Preferences parse_preferences_text(std::string_view text) {
  boost::system::error_code error;
  const auto value = boost::json::parse(text, error);
  const auto* object = error ? nullptr : value.if_object();
  const auto* newsletter = object ? object->if_contains("newsletter") : nullptr;
  const auto* language = object ? object->if_contains("language") : nullptr;
  const auto* currency = object ? object->if_contains("currency") : nullptr;
  if (!newsletter || !newsletter->is_bool() || !language || !language->is_string() || !currency ||
      !currency->is_string()) {
    throw platform::Error(platform::ErrorKind::internal, "bad-row",
                          "stored preferences are broken");
  }
  Preferences preferences;
  preferences.newsletter = newsletter->get_bool();
  preferences.language = std::string(language->get_string());
  preferences.currency = std::string(currency->get_string());
  return preferences;
}

}  // namespace customers
