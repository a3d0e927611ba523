#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace customers {

struct Address {
  std::string id;  // UUIDv7
  std::string customer_id;
  std::optional<std::string> label;  // "Home", "Office"
  std::string recipient;
  std::string line1;
  std::optional<std::string> line2;
  std::string city;
  std::optional<std::string> region;
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2
  std::optional<std::string> phone;
  bool is_default_shipping = false;
  bool is_default_billing = false;
  std::int64_t created_at = 0;  // Unix milliseconds
  std::int64_t updated_at = 0;
};

// A new address, or a JSON merge patch of one: absent members are unchanged.
// For the optional members the inner nullopt removes the value.
struct AddressChanges {
  std::optional<std::optional<std::string>> label;
  std::optional<std::string> recipient;
  std::optional<std::string> line1;
  std::optional<std::optional<std::string>> line2;
  std::optional<std::string> city;
  std::optional<std::optional<std::string>> region;
  std::optional<std::string> postal_code;
  std::optional<std::string> country;
  std::optional<std::optional<std::string>> phone;
  std::optional<bool> is_default_shipping;
  std::optional<bool> is_default_billing;
};

// A customer keeps at most this many addresses.
inline constexpr std::size_t kMaxAddresses = 20;
inline constexpr std::size_t kMaxLabelLength = 50;
inline constexpr std::size_t kMaxLineLength = 200;

// Applies `changes` and checks every rule of a stored address. Throws
// platform::Error(invalid_argument) naming the first field that breaks one
// ("country", "postal_code"...); the address is unchanged then. Defaults are
// only flags here: clearing the customer's other default is the store's work.
void apply_changes(Address& address, const AddressChanges& changes);

// Every rule of a stored address (apply_changes ends with it).
void validate(const Address& address);

}  // namespace customers
