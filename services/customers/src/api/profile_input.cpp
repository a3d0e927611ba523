#include "api/profile_input.h"

#include "api/patch_rules.h"
#include "platform/error.h"
#include "platform/json.h"

namespace customers {

using platform::json::ObjectReader;

namespace {

void read_preferences(ObjectReader& body, ProfileChanges& changes) {
  reject_removal(body, {"preferences"});
  auto preferences = body.optional_object("preferences");
  if (!preferences) return;
  reject_removal(*preferences, {"newsletter", "language", "currency"});
  changes.newsletter = preferences->optional_bool("newsletter");
  changes.language = preferences->optional_string("language", {1, 35});
  changes.currency = preferences->optional_string("currency", {3, 3});
  preferences->finish();
}

}  // namespace

ProfileChanges parse_profile_patch(const boost::json::object& object) {
  ObjectReader body(object);
  reject_read_only(body, {"id", "email", "created_at", "updated_at"});
  reject_removal(body, {"name"});
  ProfileChanges changes;
  changes.name = body.optional_string("name", {1, kMaxNameLength});
  if (body.contains("phone")) changes.phone = body.optional_string("phone", {1, 16});
  read_preferences(body, changes);
  body.finish();
  return changes;
}

}  // namespace customers
