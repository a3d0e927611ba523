#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "platform/http/message.h"

namespace platform::http {

Response json_response(int status, const boost::json::value& body);

// Throws Error(unsupported_media_type) unless the request's Content-Type is
// one of `accepted` (parameters such as charset are ignored).
void require_content_type(const Request& request, std::initializer_list<std::string_view> accepted);

// The body of a JSON request as an object: Error(unsupported_media_type)
// for another Content-Type, Error(invalid_argument, "malformed-json") for
// anything but a JSON object.
boost::json::object json_object_body(const Request& request);

// A strong entity tag for a versioned resource: "<id>.<version>".
std::string entity_tag(std::string_view id, std::int64_t version);
// Whether If-None-Match lists `etag` (or is "*"): answer 304 then.
bool if_none_match(const Request& request, std::string_view etag);
// The version an If-Match header asks for, for tags made by entity_tag;
// nullopt without the header. Throws Error(precondition_failed) for a tag of
// another resource, or one that is not ours.
std::optional<std::int64_t> if_match_version(const Request& request, std::string_view id);
Response not_modified(std::string_view etag);

// Throws Error(invalid_argument, "unknown-parameter") naming the first query
// parameter not in `known`: a misspelt filter must not silently list everything.
void reject_unknown_parameters(const Request& request,
                               std::initializer_list<std::string_view> known);

// Query parameters, validated: errors name the parameter.
std::optional<std::int64_t> integer_parameter(const Request& request, std::string_view name,
                                              std::int64_t minimum, std::int64_t maximum);
std::optional<bool> bool_parameter(const Request& request, std::string_view name);

}  // namespace platform::http
