#include "domain/customer.h"

#include "domain/text_rules.h"
#include "platform/error.h"

namespace customers {

bool is_valid_name(std::string_view name) { return is_text_line(name, kMaxNameLength); }

void apply_changes(Customer& customer, const ProfileChanges& changes) {
  Customer changed = customer;
  if (changes.name) {
    if (!is_valid_name(*changes.name)) {
      throw platform::invalid_field("name", "name must be 1 to 200 characters on one line");
    }
    changed.name = *changes.name;
  }
  if (changes.phone) {
    if (*changes.phone && !is_phone_number(**changes.phone)) {
      throw platform::invalid_field("phone",
                                    "phone must be + and 7 to 15 digits, e.g. +4930123456");
    }
    changed.phone = *changes.phone;
  }
  if (changes.newsletter) changed.preferences.newsletter = *changes.newsletter;
  if (changes.language) {
    if (!is_language_tag(*changes.language)) {
      throw platform::invalid_field(
          "preferences.language",
          "preferences.language must be a language tag such as en or en-GB");
    }
    changed.preferences.language = *changes.language;
  }
  if (changes.currency) {
    if (!is_currency_code(*changes.currency)) {
      throw platform::invalid_field("preferences.currency",
                                    "preferences.currency must be an ISO 4217 code such as EUR");
    }
    changed.preferences.currency = *changes.currency;
  }
  customer = std::move(changed);
}

}  // namespace customers
