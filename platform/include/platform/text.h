#pragma once

#include <string>
#include <string_view>

// ASCII text rules of HTTP and its neighbours (header values, media types,
// parameter names), where case and surrounding blanks do not count.
namespace platform {

// `text` without the spaces and tabs at either end.
std::string_view trim_blanks(std::string_view text);
// A-Z made a-z; every other byte kept.
std::string ascii_lower(std::string_view text);
// Equal when A-Z and a-z are taken as the same.
bool equal_ignoring_case(std::string_view a, std::string_view b);

}  // namespace platform
