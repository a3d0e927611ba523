#pragma once

#include <initializer_list>
#include <string_view>

#include "platform/json.h"

namespace customers {

// Members a client may echo back from a GET but never set: refused by name
// (invalid-field) rather than as unknown.
void reject_read_only(const platform::json::ObjectReader& body,
                      std::initializer_list<std::string_view> fields);
// Members a merge patch may change but not remove (null).
void reject_removal(const platform::json::ObjectReader& body,
                    std::initializer_list<std::string_view> fields);

}  // namespace customers
