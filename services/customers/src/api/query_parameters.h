#pragma once

#include "domain/page_cursor.h"
#include "platform/http/message.h"

namespace customers {

// `limit` (1 to `max_limit`, default `default_limit`) and `cursor` of `kind`.
PageRequest page_request(const platform::http::Request& request, ListKind kind,
                         int default_limit = 20, int max_limit = 100);

}  // namespace customers
