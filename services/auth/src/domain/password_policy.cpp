#include "domain/password_policy.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace auth {
namespace {

// Passwords at the top of every list of leaked passwords, lower-cased. Ours
// ask for ten characters, so only the long ones matter.
constexpr std::array<std::string_view, 40> kCommon = {
    "1234567890",    "12345678910",  "123456789012",  "0123456789",   "1q2w3e4r5t",
    "1qaz2wsx3edc",  "qwertyuiop",   "qwertyuiop123", "asdfghjkl;",   "zxcvbnm123",
    "password1",     "password12",   "password123",   "password1234", "passw0rd123",
    "p@ssw0rd123",   "iloveyou123",  "letmein123",    "welcome123",   "welcome1234",
    "administrator", "admin12345",   "changeme123",   "football123",  "baseball123",
    "sunshine123",   "princess123",  "superman123",   "trustno1234",  "starwars123",
    "qwerty123456",  "abc123456789", "monkey123456",  "dragon123456", "master123456",
    "shadow123456",  "michael1234",  "jennifer123",   "computer123",  "whatever123"};

// Rows of a keyboard and the alphabet and digits, which people walk.
constexpr std::array<std::string_view, 6> kRuns = {
    "abcdefghijklmnopqrstuvwxyz", "0123456789012345678901234567890",
    "qwertyuiopasdfghjklzxcvbnm", "1234567890qwertyuiop",
    "zyxwvutsrqponmlkjihgfedcba", "9876543210987654321098765432109"};

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password, std::string_view email,
                                            const PasswordPolicy& policy) {
  const auto length = characters(password);
  if (length < policy.min_length) {
    return "Use at least " + std::to_string(policy.min_length) + " characters.";
  }
  if (length > policy.max_length) {
    return "Use at most " + std::to_string(policy.max_length) + " characters.";
  }
  if (std::all_of(password.begin(), password.end(),
                  [&](char c) { return c == password.front(); })) {
    return "Do not repeat one character.";
  }
  const auto candidate = lowered(password);
  for (const auto run : kRuns) {
    if (run.find(candidate) != std::string_view::npos) {
      return "Do not use a run of keys or letters.";
    }
  }
  if (std::find(kCommon.begin(), kCommon.end(), candidate) != kCommon.end()) {
    return "This password is one of the first that attackers try.";
  }
  const auto local = lowered(email.substr(0, email.find('@')));
  if (local.size() >= 4 && candidate.find(local) != std::string::npos) {
    return "Do not build the password on your email address.";
  }
  return std::nullopt;
}

}  // namespace auth
