#include "events/customer_events.h"

#include <boost/json.hpp>

#include "representation/customer_json.h"

namespace customers {

platform::bus::Event customer_deleted(const std::string& customer_id) {
  const boost::json::object data{{"customer_id", customer_id}};
  return platform::bus::make_event("customers.customer.deleted", boost::json::serialize(data));
}

platform::bus::Event product_viewed(const std::string& customer_id, const std::string& product_id,
                                    std::int64_t viewed_at) {
  const boost::json::object data{{"customer_id", customer_id},
                                 {"product_id", product_id},
                                 {"viewed_at", time_text(viewed_at)}};
  return platform::bus::make_event("customers.product.viewed", boost::json::serialize(data));
}

}  // namespace customers
