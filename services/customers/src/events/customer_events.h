#pragma once

#include <cstdint>
#include <string>

#include "platform/bus/event.h"

namespace customers {

// customers.customer.deleted {"customer_id"}: the customer was erased; the
// auth service erases the account too.
platform::bus::Event customer_deleted(const std::string& customer_id);
// customers.product.viewed {"customer_id", "product_id", "viewed_at"}: for
// recommendations.
platform::bus::Event product_viewed(const std::string& customer_id, const std::string& product_id,
                                    std::int64_t viewed_at);

}  // namespace customers
