#include "api/address_input.h"

#include "api/patch_rules.h"
#include "platform/json.h"

namespace customers {
namespace {

using platform::json::ObjectReader;
using platform::json::StringRule;

constexpr StringRule kLine{1, kMaxLineLength};
constexpr StringRule kOptionalLine{0, kMaxLineLength};
constexpr StringRule kLabel{0, kMaxLabelLength};
constexpr StringRule kPostalCode{1, 16};
constexpr StringRule kCountry{2, 2};
constexpr StringRule kPhone{0, 16};

// An optional text member of a merge patch: absent leaves it unchanged
// (outer nullopt); null or "" removes it (inner nullopt).
std::optional<std::optional<std::string>> optional_text(ObjectReader& body, std::string_view key,
                                                        StringRule rule) {
  if (!body.contains(key)) return std::nullopt;
  const auto text = body.optional_string(key, rule);
  if (!text || text->empty()) return std::optional<std::string>();
  return std::optional<std::string>(*text);
}

void read_optional_members(ObjectReader& body, AddressChanges& changes) {
  changes.label = optional_text(body, "label", kLabel);
  changes.line2 = optional_text(body, "line2", kOptionalLine);
  changes.region = optional_text(body, "region", kOptionalLine);
  changes.phone = optional_text(body, "phone", kPhone);
  changes.is_default_shipping = body.optional_bool("is_default_shipping");
  changes.is_default_billing = body.optional_bool("is_default_billing");
}

}  // namespace

AddressChanges parse_address_create(const boost::json::object& object) {
  ObjectReader body(object);
  AddressChanges changes;
  changes.recipient = body.required_string("recipient", kLine);
  changes.line1 = body.required_string("line1", kLine);
  changes.city = body.required_string("city", kLine);
  changes.postal_code = body.required_string("postal_code", kPostalCode);
  changes.country = body.required_string("country", kCountry);
  read_optional_members(body, changes);
  body.finish();
  return changes;
}

AddressChanges parse_address_patch(const boost::json::object& object) {
  ObjectReader body(object);
  reject_read_only(body, {"id", "customer_id", "created_at", "updated_at"});
  reject_removal(body, {"recipient", "line1", "city", "postal_code", "country",
                        "is_default_shipping", "is_default_billing"});
  AddressChanges changes;
  changes.recipient = body.optional_string("recipient", kLine);
  changes.line1 = body.optional_string("line1", kLine);
  changes.city = body.optional_string("city", kLine);
  changes.postal_code = body.optional_string("postal_code", kPostalCode);
  changes.country = body.optional_string("country", kCountry);
  read_optional_members(body, changes);
  body.finish();
  return changes;
}

}  // namespace customers
