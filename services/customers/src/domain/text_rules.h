#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace customers {

// The formats customer data must have. Input that does not match is refused
// with the field named, never silently fixed.

// No control characters (line breaks, tabs, NUL): what one line of a form holds.
bool is_single_line(std::string_view text);
// Nothing but spaces (or nothing at all).
bool is_blank(std::string_view text);
// What a form field of one line takes: valid UTF-8, 1 to `max_length`
// characters (code points, not bytes), on one line, not blank.
bool is_text_line(std::string_view text, std::size_t max_length);
// E.164 without separators: "+", then 7 to 15 digits, the first not 0.
bool is_phone_number(std::string_view text);
// 1 to 16 ASCII letters, digits, spaces and dashes, beginning and ending with
// a letter or digit: "10115", "SW1A 1AA", "1234-567".
bool is_postal_code(std::string_view text);
// The common shapes of a BCP 47 tag: a 2-3 letter lower-case language, an
// optional script ("Hant") and an optional region ("GB", "419"):
// "en", "en-GB", "zh-Hant-TW", "es-419".
bool is_language_tag(std::string_view text);
// Three upper-case ASCII letters: the shape of an ISO 4217 code.
bool is_currency_code(std::string_view text);
// 1 to 64 visible ASCII characters (no spaces): ids other services own, such
// as product and order ids, which this service does not interpret.
bool is_opaque_id(std::string_view text);

// Emails compare in lower case, as the auth service stores them.
std::string lower_case(std::string_view text);

}  // namespace customers
