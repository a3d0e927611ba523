#pragma once

#include <optional>
#include <string>

#include "platform/http/message.h"
#include "platform/http/router.h"
#include "store/customer_rows.h"

namespace customers {

// The customer a /v1/customers/{id}/... request is about, once the caller
// is known to be allowed to act on it.
struct TargetCustomer {
  std::string id;
  bool is_caller = false;  // the customer acting on their own data

  // Only the customer's own calls create a missing profile.
  IfMissing if_missing() const { return is_caller ? IfMissing::create : IfMissing::fail; }
};

// Resolves {id} ("me" is the caller) and lets the customer or an admin
// through: anyone else gets 403 forbidden. An id that cannot be a customer's
// (not a UUID) is 404 customer-not-found.
TargetCustomer target_customer(const platform::http::Request& request);

// A store read that is nullopt when the customer has no profile: the
// customer's own view of it is empty (it has not been created yet), anyone
// else's is customer-not-found.
template <class Items>
Items or_empty(std::optional<Items> items, const TargetCustomer& customer) {
  if (items) return std::move(*items);
  if (!customer.is_caller) throw_customer_not_found(customer.id);
  return Items{};
}

// The routes about one customer: users' tokens only (a service acting for
// nobody in particular has no business with a customer's data), then
// target_customer() decides.
inline platform::http::RouteOptions customer_route() {
  return platform::http::requires_access(platform::http::Access::user());
}

}  // namespace customers
