#pragma once

#include <boost/json/object.hpp>

#include "domain/customer.h"

namespace customers {

// PATCH /v1/customers/{id}: an RFC 7396 JSON merge patch of the profile
// document. name, phone and preferences (newsletter, language, currency)
// may change; phone: null removes it; nothing else may be removed. Fields
// the profile shows but nobody sets (id, email, times) are refused as
// read-only, any other unknown field as unknown-field, each by name.
ProfileChanges parse_profile_patch(const boost::json::object& body);

}  // namespace customers
