#pragma once

#include <optional>
#include <string>

#include "domain/page_cursor.h"

namespace customers {

// GET /v1/customers: every customer, newest first (ids are UUIDv7, so by id
// descending), or the one with an email.
struct CustomerQuery {
  std::optional<std::string> email;  // lower case
  PageRequest page;
};

}  // namespace customers
