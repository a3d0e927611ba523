#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace customers {

struct Preferences {
  bool newsletter = false;  // opt-in: nobody is subscribed by default
  std::string language = "en";
  std::string currency = "EUR";
  bool operator==(const Preferences&) const = default;
};

// A customer's profile. The id is the auth service's user id; the email is
// a copy of the one the customer signed up with (empty until that event
// arrives, as the profile may be created first by the customer's own calls).
struct Customer {
  std::string id;
  std::string email;
  std::string name;
  std::optional<std::string> phone;
  Preferences preferences;
  std::int64_t created_at = 0;  // Unix milliseconds
  std::int64_t updated_at = 0;
};

// A JSON merge patch of the profile; absent members are unchanged.
struct ProfileChanges {
  std::optional<std::string> name;
  // Outer: whether the patch mentions phone; inner nullopt removes it.
  std::optional<std::optional<std::string>> phone;
  std::optional<bool> newsletter;
  std::optional<std::string> language;
  std::optional<std::string> currency;
};

inline constexpr std::size_t kMaxNameLength = 200;

// Applies `changes` to `customer`. Throws platform::Error(invalid_argument)
// naming the field ("name", "phone", "preferences.language"...) for a value
// that breaks a rule; the customer is unchanged then.
void apply_changes(Customer& customer, const ProfileChanges& changes);

// A name as a person would type it: 1 to 200 characters on one line, not blank.
bool is_valid_name(std::string_view name);

}  // namespace customers
