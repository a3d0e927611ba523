#pragma once

#include <boost/json/object.hpp>

#include "domain/address.h"

namespace customers {

// POST /v1/customers/{id}/addresses. Required: recipient, line1, city,
// postal_code, country; optional: label, line2, region, phone,
// is_default_shipping, is_default_billing. An empty optional text is absent.
AddressChanges parse_address_create(const boost::json::object& body);
// PATCH /v1/customers/{id}/addresses/{address_id}: a JSON merge patch; null
// removes an optional member, required ones cannot be removed.
AddressChanges parse_address_patch(const boost::json::object& body);

}  // namespace customers
