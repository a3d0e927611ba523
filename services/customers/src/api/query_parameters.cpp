#include "api/query_parameters.h"

#include "platform/http/json_response.h"

namespace customers {

PageRequest page_request(const platform::http::Request& request, ListKind kind, int default_limit,
                         int max_limit) {
  PageRequest page;
  page.limit = static_cast<int>(
      platform::http::integer_parameter(request, "limit", 1, max_limit).value_or(default_limit));
  if (const auto cursor = request.query_parameter("cursor")) {
    page.after = decode_cursor(kind, *cursor);
  }
  return page;
}

}  // namespace customers
