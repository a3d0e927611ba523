#include "platform/http/problem.h"

#include <boost/json.hpp>

#include "platform/json_text.h"
#include "platform/trace_context.h"

namespace platform::http {
namespace {

std::string_view reason(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Error";
  }
}

void append_member(std::string& body, std::string_view key, std::string_view value) {
  body += ",\"";
  body += key;
  body += "\":\"";
  json::append_escaped(body, value);
  body += '"';
}

}  // namespace

int status_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument:
      return 400;
    case ErrorKind::unprocessable:
      return 422;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::precondition_failed:
      return 412;
    case ErrorKind::payload_too_large:
      return 413;
    case ErrorKind::unsupported_media_type:
      return 415;
    case ErrorKind::rate_limited:
      return 429;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

Response problem(int status, std::string_view code, std::string_view title, std::string_view detail,
                 std::string_view field) {
  std::string body = "{\"type\":\"/problems/";
  json::append_escaped(body, code);
  body += "\",\"status\":" + std::to_string(status);
  append_member(body, "title", title.empty() ? reason(status) : title);
  if (!detail.empty()) append_member(body, "detail", detail);
  if (!field.empty()) append_member(body, "field", field);
  if (const auto* trace = current_trace()) append_member(body, "trace_id", trace->trace_id);
  body += '}';
  auto response = Response::text(status, std::move(body), "application/problem+json");
  if (status == 401) response.headers.set("WWW-Authenticate", "Bearer");
  return response;
}

Response problem_from(const Error& error) {
  const int status = status_of(error.kind());
  if (error.kind() == ErrorKind::internal) {
    return problem(status, "internal", reason(status), "an unexpected error occurred");
  }
  return problem(status, error.code(), reason(status), error.what(), error.field());
}

ProblemSummary read_problem(const Response& response) {
  boost::system::error_code error;
  const auto body = boost::json::parse(response.body, error);
  const auto* object = error ? nullptr : body.if_object();
  if (object == nullptr) return {};
  ProblemSummary summary;
  constexpr std::string_view kPrefix = "/problems/";
  if (const auto* type = object->if_contains("type"); type && type->is_string()) {
    const std::string_view text = type->get_string();
    if (text.starts_with(kPrefix)) summary.code = std::string(text.substr(kPrefix.size()));
  }
  if (const auto* detail = object->if_contains("detail"); detail && detail->is_string()) {
    summary.detail = std::string(detail->get_string());
  }
  return summary;
}

}  // namespace platform::http
