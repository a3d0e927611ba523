#pragma once

#include <string_view>

namespace platform::bus {

// NATS subject matching: tokens separated by '.', '*' matches one token, '>'
// (last) matches one or more. "catalog.>" matches "catalog.product.upserted".
bool subject_matches(std::string_view filter, std::string_view subject);

}  // namespace platform::bus
