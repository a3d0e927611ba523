#pragma once

#include <boost/json/object.hpp>

#include "domain/order.h"

namespace orders {

// The order as the API shows it: money as {"amount","currency"}, times as
// RFC 3339, the tracking timeline in order.
boost::json::object to_json(const Order& order);

}  // namespace orders
