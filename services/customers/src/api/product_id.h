#pragma once

#include <string>

#include "platform/http/message.h"

namespace customers {

// The {product_id} of the path, or a body's product_id: an opaque catalog id
// (is_opaque_id), else Error(invalid_argument) naming product_id.
const std::string& product_id_of(const platform::http::Request& request);
void check_product_id(const std::string& product_id);

}  // namespace customers
