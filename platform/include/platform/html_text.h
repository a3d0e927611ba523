#pragma once

#include <string>
#include <string_view>

namespace platform {

// `text` safe inside HTML or XML text and double- or single-quoted
// attributes: & < > " ' as character references.
std::string escape_html(std::string_view text);
// The same, appended to `out`.
void append_escaped_html(std::string& out, std::string_view text);

}  // namespace platform
