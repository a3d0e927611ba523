#include "domain/address.h"

#include "domain/country_codes.h"
#include "domain/text_rules.h"
#include "platform/error.h"

namespace customers {
namespace {

// One line of an address form: present, on one line, not too long.
void check_line(const char* field, std::string_view text, std::size_t max_length) {
  if (!is_text_line(text, max_length)) {
    throw platform::invalid_field(field, std::string(field) + " must be 1 to " +
                                             std::to_string(max_length) +
                                             " characters on one line");
  }
}

void check_optional_line(const char* field, const std::optional<std::string>& text,
                         std::size_t max_length) {
  if (text) check_line(field, *text, max_length);
}

template <class T>
void assign(T& target, const std::optional<T>& change) {
  if (change) target = *change;
}

}  // namespace

void validate(const Address& address) {
  check_optional_line("label", address.label, kMaxLabelLength);
  check_line("recipient", address.recipient, kMaxLineLength);
  check_line("line1", address.line1, kMaxLineLength);
  check_optional_line("line2", address.line2, kMaxLineLength);
  check_line("city", address.city, kMaxLineLength);
  check_optional_line("region", address.region, kMaxLineLength);
  if (!is_postal_code(address.postal_code)) {
    throw platform::invalid_field("postal_code",
                                  "postal_code must be 1 to 16 letters, digits, spaces or dashes");
  }
  if (!is_country_code(address.country)) {
    throw platform::invalid_field(
        "country", "country must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE");
  }
  if (address.phone && !is_phone_number(*address.phone)) {
    throw platform::invalid_field("phone", "phone must be + and 7 to 15 digits, e.g. +4930123456");
  }
}

void apply_changes(Address& address, const AddressChanges& changes) {
  Address changed = address;
  assign(changed.label, changes.label);
  assign(changed.recipient, changes.recipient);
  assign(changed.line1, changes.line1);
  assign(changed.line2, changes.line2);
  assign(changed.city, changes.city);
  assign(changed.region, changes.region);
  assign(changed.postal_code, changes.postal_code);
  assign(changed.country, changes.country);
  assign(changed.phone, changes.phone);
  assign(changed.is_default_shipping, changes.is_default_shipping);
  assign(changed.is_default_billing, changes.is_default_billing);
  validate(changed);
  address = std::move(changed);
}

}  // namespace customers
