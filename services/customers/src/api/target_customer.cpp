#include "api/target_customer.h"

#include "platform/http/authorization.h"
#include "platform/ids.h"

namespace customers {

TargetCustomer target_customer(const platform::http::Request& request) {
  const auto& caller = platform::http::caller_of(request);
  const auto& parameter = request.path_parameter("id");
  TargetCustomer customer;
  customer.id = parameter == "me" ? caller.subject : parameter;
  platform::http::require_owner_or_admin(request, customer.id);
  if (!platform::is_uuid(customer.id)) throw_customer_not_found(customer.id);
  customer.is_caller = !caller.is_service() && caller.subject == customer.id;
  return customer;
}

}  // namespace customers
