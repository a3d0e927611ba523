#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace auth {

// NIST SP 800-63B style: length over composition rules. A password is
// refused when it is too short or too long, when it is one character
// repeated or a run of the keyboard or the alphabet, when it is one of the
// passwords attackers try first, or when it is built on the account's email.
struct PasswordPolicy {
  std::size_t min_length = 10;   // characters
  std::size_t max_length = 128;  // characters: Argon2 needs no limit, the server does
};

// nullopt when acceptable; otherwise a sentence saying what to change.
std::optional<std::string> password_problem(std::string_view password, std::string_view email,
                                            const PasswordPolicy& policy = {});

}  // namespace auth
