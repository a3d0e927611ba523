#pragma once

#include <boost/json/object.hpp>

#include "domain/payment.h"
#include "domain/payment_method.h"

namespace payments {

// The JSON shapes of services/payments/openapi.yaml.
boost::json::object to_json(const PaymentMethod& method);
boost::json::object to_json(const Payment& payment);

}  // namespace payments
