#pragma once

#include <string>
#include <string_view>

namespace platform::json {

// Appends `text` escaped for use inside a JSON string (no quotes added).
// Invalid UTF-8 bytes are replaced by U+FFFD so the output is always valid.
void append_escaped(std::string& out, std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view text);

}  // namespace platform::json
