#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace auth {

// The form an email address is stored and compared in: surrounding blanks
// removed and lower-cased, so "Ann@Example.COM " and "ann@example.com" are
// one account. nullopt for anything that is not a plausible address (one @,
// a dot-atom local part of at most 64 characters, a domain of LDH labels
// with a top level of letters, at most 254 characters, ASCII only:
// international domains arrive in their xn-- form).
std::optional<std::string> normalize_email(std::string_view input);

}  // namespace auth
