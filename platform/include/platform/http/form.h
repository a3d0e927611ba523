#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace platform::http {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Decodes an application/x-www-form-urlencoded body (HTML forms, OAuth token
// requests): '+' is a space, %XX an octet. nullopt for a malformed escape or
// a decoded value that is not valid UTF-8. Fields keep their order and
// repeats, for callers that must refuse repeated parameters.
std::optional<FormFields> parse_form(std::string_view body);

// Percent-decodes `text` (no '+' rule); nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view text);
// Decodes one form-encoded name or value ('+' is a space).
std::optional<std::string> form_decode(std::string_view text);

// Percent-encodes everything but RFC 3986 unreserved characters: safe as a
// form name or value, in a query, and in client_secret_basic credentials.
std::string form_encode(std::string_view text);
// "a=1&b=2", each name and value encoded.
std::string encode_form(const FormFields& fields);

// The value of `name` if it occurs exactly once.
std::optional<std::string> single_field(const FormFields& fields, std::string_view name);

}  // namespace platform::http
