#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "domain/customer_data.h"
#include "domain/page_cursor.h"

namespace customers {

// The JSON shapes of responses, shared by the API and the export. Times are
// RFC 3339 UTC; absent optional members are null.
boost::json::object to_json(const Customer& customer);
boost::json::object to_json(const Address& address);
boost::json::object to_json(const WishlistItem& item);
boost::json::object to_json(const ViewedProduct& view);
boost::json::object to_json(const OrderSummary& order);
// {"customer": ..., "addresses": [...], "wishlist": [...],
//  "recently_viewed": [...], "orders": [...], "exported_at": ...}
boost::json::object to_json(const CustomerData& data);

// {"items": [...], "next_cursor": "..." or null on the last page}
template <class Item>
boost::json::object to_json(const Page<Item>& page) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& item : page.items) items.push_back(to_json(item));
  boost::json::object body{{"items", std::move(items)}};
  body["next_cursor"] = page.next_cursor ? boost::json::value(*page.next_cursor) : nullptr;
  return body;
}

// How preferences are stored: {"newsletter":..,"language":..,"currency":..}.
std::string preferences_text(const Preferences& preferences);
// Throws platform::Error(internal) for text preferences_text did not make.
Preferences parse_preferences_text(std::string_view text);

std::string time_text(std::int64_t unix_millis);

}  // namespace customers
