#include "platform/http/json_response.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <charconv>

#include "platform/error.h"
#include "platform/json.h"
#include "platform/text.h"

namespace platform::http {
namespace {

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Calls visit(tag) for each entity tag of a comma-separated header.
template <class Visit>
bool any_tag(std::string_view header, Visit&& visit) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    if (visit(trim_blanks(header.substr(0, comma)))) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

Response json_response(int status, const boost::json::value& body) {
  return Response::json(status, boost::json::serialize(body));
}

void require_content_type(const Request& request,
                          std::initializer_list<std::string_view> accepted) {
  auto type = request.header("Content-Type");
  type = trim_blanks(type.substr(0, type.find(';')));
  for (auto candidate : accepted) {
    if (equal_ignoring_case(type, candidate)) return;
  }
  std::string expected;
  for (auto candidate : accepted)
    expected += (expected.empty() ? "" : " or ") + std::string(candidate);
  throw Error(ErrorKind::unsupported_media_type, "unsupported-media-type",
              "Content-Type must be " + expected);
}

boost::json::object json_object_body(const Request& request) {
  require_content_type(request, {"application/json"});
  return json::parse_object(request.body);
}

std::string entity_tag(std::string_view id, std::int64_t version) {
  return "\"" + std::string(id) + "." + std::to_string(version) + "\"";
}

bool if_none_match(const Request& request, std::string_view etag) {
  // Weak comparison (RFC 9110 13.1.2): W/ on either side does not matter.
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  return any_tag(request.header("If-None-Match"), [&](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag == "*" || tag == etag;
  });
}

std::optional<std::int64_t> if_match_version(const Request& request, std::string_view id) {
  const auto header = trim_blanks(request.header("If-Match"));
  if (header.empty()) return std::nullopt;
  const std::string prefix = "\"" + std::string(id) + ".";
  if (header.size() > prefix.size() + 1 && header.starts_with(prefix) && header.back() == '"') {
    if (auto version =
            parse_integer(header.substr(prefix.size(), header.size() - prefix.size() - 1))) {
      return version;
    }
  }
  throw Error(ErrorKind::precondition_failed, "etag-mismatch",
              "If-Match does not name a version of this resource");
}

Response not_modified(std::string_view etag) {
  auto response = Response::empty(304);
  response.headers.set("ETag", etag);
  return response;
}

std::optional<std::int64_t> integer_parameter(const Request& request, std::string_view name,
                                              std::int64_t minimum, std::int64_t maximum) {
  const auto text = request.query_parameter(name);
  if (!text) return std::nullopt;
  const auto value = parse_integer(*text);
  if (!value || *value < minimum || *value > maximum) {
    throw invalid_field(std::string(name), std::string(name) + " must be an integer from " +
                                               std::to_string(minimum) + " to " +
                                               std::to_string(maximum));
  }
  return value;
}

std::optional<bool> bool_parameter(const Request& request, std::string_view name) {
  const auto text = request.query_parameter(name);
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  throw invalid_field(std::string(name), std::string(name) + " must be true or false");
}

void reject_unknown_parameters(const Request& request,
                               std::initializer_list<std::string_view> known) {
  for (const auto& [name, value] : request.query) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw Error(ErrorKind::invalid_argument, "unknown-parameter",
                  "unknown query parameter " + name, name);
    }
  }
}

}  // namespace platform::http
