#pragma once

#include <string>
#include <string_view>

#include "platform/error.h"
#include "platform/http/message.h"

namespace platform::http {

// RFC 9457 problem details. `type` is "/problems/<code>", a relative URI
// reference so that it resolves against whichever host served it; the codes
// are stable and listed in docs/api/problems.md.
Response problem(int status, std::string_view code, std::string_view title,
                 std::string_view detail = {}, std::string_view field = {});

// Maps an Error to its status and renders it. Internal errors never show
// their message to the caller (it may hold implementation details); it is
// logged instead.
Response problem_from(const Error& error);

int status_of(ErrorKind kind);

// What another service's problem response says: the code of its type
// ("/problems/<code>") and its detail. Both empty when the body is not a
// problem document.
struct ProblemSummary {
  std::string code;
  std::string detail;
};
ProblemSummary read_problem(const Response& response);

}  // namespace platform::http
